-- Fills V36's columns and builds the search indexes without holding a lock that stops writes: the
-- backfill commits every 1,000 conversations (each batch locks only its own rows), and the indexes are
-- built CONCURRENTLY. Flyway runs this file outside a transaction (its .sql.conf). docs/operations.md
-- says how to run, watch and resume a migration like this one on a large account.
--
-- Row-level security stays on: each account's rows are filled with that account set, as the
-- application would. The list of accounts is read as leadline_lookup, whose policy on accounts shows
-- every id. (A superuser, as in local mode, sees every row anyway; the account condition keeps the
-- batches per account there too.)
DO $$
DECLARE
    v_accounts uuid[];
    v_account uuid;
    v_ids uuid[];
    v_batch uuid[];
    v_from integer;
BEGIN
    SET ROLE leadline_lookup;
    v_accounts := ARRAY(SELECT id FROM accounts ORDER BY id);
    RESET ROLE;
    FOREACH v_account IN ARRAY v_accounts LOOP
        PERFORM set_config('app.account_id', v_account::text, false);
        v_ids := ARRAY(SELECT id FROM conversations WHERE account_id = v_account AND search_words IS NULL ORDER BY id);
        v_from := 1;
        WHILE v_from <= cardinality(v_ids) LOOP
            v_batch := v_ids[v_from:v_from + 999];
            -- Locked first, read after: a message committed before the lock is in the words read below;
            -- one committed after it updates the row after this batch, adding its words to these.
            PERFORM 1 FROM conversations WHERE id = ANY (v_batch) AND search_words IS NULL FOR UPDATE;
            UPDATE conversations c
            SET search_words = coalesce((SELECT inbox_words(string_agg(m.body, ' ')) FROM messages m
                                         WHERE m.conversation_id = c.id AND m.account_id = v_account), ''::tsvector),
                contact_email = (SELECT k.email FROM contacts k WHERE k.id = c.contact_id)
            WHERE c.id = ANY (v_batch) AND c.search_words IS NULL;
            COMMIT;
            v_from := v_from + 1000;
        END LOOP;
    END LOOP;
    PERFORM set_config('app.account_id', '', false);
END
$$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS conversations_search_words_idx ON conversations USING gin (search_words);
CREATE INDEX CONCURRENTLY IF NOT EXISTS conversations_contact_text_idx
    ON conversations USING gin (inbox_contact_text(contact_name, contact_email, contact_phone) gin_trgm_ops);
CREATE INDEX CONCURRENTLY IF NOT EXISTS contacts_contact_text_idx
    ON contacts USING gin (inbox_contact_text(name, email, phone) gin_trgm_ops);
-- Fresh statistics for the words just filled in: the search chooses how to read by the planner's estimate.
ANALYZE conversations;
ANALYZE contacts;
