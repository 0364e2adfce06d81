-- Search, second pass (issue 15): what a search costs per request and per message written.
--
-- * A contact's substring is looked up on contacts only (their trigram index, now with the profile as its
--   first column through btree_gin, so that a team member's few profiles are narrowed inside the index),
--   then their conversations through conversations_contact_idx. V39 drops the trigram index on
--   conversations: every message rewrote its entries (the row's activity time changes, so the update is
--   never HOT), which more than doubled a reply's p99 (docs/BENCHMARKS.md). A conversation's contact is
--   always a contact of the conversation's own profile (a move takes the target profile's contact), so
--   looking for contacts in the viewer's profiles loses none. A walk still tests the row's own copy of
--   the name, email and phone, kept in step by ContactStore.update.
-- * The viewer's profiles reach the planner as a value it cannot see, (SELECT $3): estimating
--   `profile_id = ANY` over an owner's hundred profiles took most of a common word's 5 ms, planning three
--   statements. The plans no longer depend on the estimate: a walk runs without bitmap scans and sorts
--   (only the list's ordered indexes remain), the index path without plain index scans (only bitmaps of
--   the words and contacts indexes remain).
-- * The search's words are read by to_tsvector rather than ts_debug (0.3 ms instead of 0.7 ms a call),
--   in two parts, so that a last word that stands for thousands is not read from the index (below).
-- * The contacts read to choose between a walk and the indexes are where the index path starts, and
--   inbox_fold runs as PL/pgSQL (below): both halve what a substring costs.
CREATE EXTENSION IF NOT EXISTS btree_gin;

GRANT SELECT (contact_id) ON conversations TO leadline_lookup;

-- Text as search compares it (V36), now in PL/pgSQL: unaccent(regdictionary, text) is only STABLE, so the
-- SQL function was never inlined and every call went through the SQL-function executor (2.7 µs a contact's
-- text, where PL/pgSQL takes 1.3); the contacts' index rechecks and a walk's test of the contact's copy
-- call it once a row. Same expression, same results: the indexes on it stay valid.
CREATE OR REPLACE FUNCTION inbox_fold(p_text text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
BEGIN
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, p_text));
END
$$;

-- The words of a search in two parts: the words typed in full, all required (NULL when there is only one
-- word), and the last word as a prefix (it may be unfinished; a last word typed twice is in both). The
-- words are read by the parser that reads the messages, so &, |, !, :*, quotes and backslashes are only
-- text. Both NULL when the search has no word.
CREATE FUNCTION inbox_search_parts(p_search text, OUT complete tsquery, OUT last tsquery)
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT string_agg(w.literal, ' & ' ORDER BY w.first_position) FILTER (WHERE NOT w.is_last OR w.times > 1)::tsquery,
           (min(w.literal) FILTER (WHERE w.is_last) || ':*')::tsquery
    FROM (SELECT '''' || replace(replace(t.lexeme, '\', '\\'), '''', '''''') || '''' AS literal,
                 t.positions[1] AS first_position, cardinality(t.positions) AS times,
                 t.positions[cardinality(t.positions)] = max(t.positions[cardinality(t.positions)]) OVER () AS is_last
          FROM unnest(to_tsvector('simple'::regconfig, public.inbox_fold(p_search))) AS t) w
$$;

-- The words of a search as one query: both parts. NULL when the search has no word.
CREATE OR REPLACE FUNCTION inbox_search_query(p_search text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN p.complete IS NULL THEN p.last ELSE p.complete && p.last END FROM public.inbox_search_parts(p_search) p
$$;

-- What a search reads from the words index: all its words, or only those typed in full when the last,
-- a prefix, alone matches more than 3,000 conversations (of all accounts: the index is shared). GIN reads
-- every row of every word a prefix stands for before it intersects them ("a" stands for thousands:
-- 41 ms for "boklouzoum a" where "boklouzoum" takes 2), so such a prefix is checked on the rows the
-- other words find instead. Planned, never run.
CREATE FUNCTION inbox_search_indexed_words(p_search text) RETURNS tsquery
    LANGUAGE plpgsql VOLATILE
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_complete tsquery;
    v_last tsquery;
    v_plan json;
BEGIN
    SELECT p.complete, p.last INTO v_complete, v_last FROM public.inbox_search_parts(p_search) p;
    IF v_complete IS NULL THEN
        RETURN v_last;
    END IF;
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM conversations c WHERE c.search_words @@ $1' INTO v_plan USING v_last;
    RETURN CASE WHEN (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::real > 3000 THEN v_complete ELSE v_complete && v_last END;
END
$$;

-- The visibility rule and the tab's holders on a conversation c, over the parameters both conversation
-- search functions number alike: $3 the viewer's profiles, $4 whether they see conversations assigned to
-- others, $5 the viewer (Visibility binds the three for every list), $6 one holder, $7 unassigned only,
-- $8 any of these holders. p_profiles is how the statement names $3: a page hides the value from the
-- planner, '(SELECT $3)::uuid[]', where a count lets it see '$3' (V38's first lines say why).
DROP FUNCTION inbox_search_rule();
CREATE FUNCTION inbox_search_rule(p_profiles text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT ' AND c.profile_id = ANY (' || p_profiles || ') AND ($4 OR c.assignee_id IS NULL OR c.assignee_id = $5)'
           ' AND ($6::uuid IS NULL OR c.assignee_id = $6) AND (NOT $7 OR c.assignee_id IS NULL)'
           ' AND ($8::uuid[] IS NULL OR c.assignee_id = ANY ($8))'
$$;

-- The conversations whose words match the search's ($1), found through the words index by p_indexed (the
-- parameter holding inbox_search_indexed_words), as a fixed text followed by p_rule and p_each.
CREATE FUNCTION inbox_search_by_words(p_indexed text, p_rule text, p_each text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT '(SELECT c.id, c.last_activity_at FROM conversations c WHERE c.account_id = public.current_account_id()'
           ' AND c.search_words @@ ' || p_indexed || ' AND (c.search_words @@ $1) IS TRUE' || p_rule || p_each || ')'
$$;

-- The conversations whose contact holds the substring ($2) and whose words do not match (so that none is
-- found by both texts), as a fixed text followed by p_rule and p_each: the contacts are the ids in the
-- parameter p_contact_ids when the caller has read them already, else found here through their index.
CREATE FUNCTION inbox_search_by_contact(p_contact_ids text, p_rule text, p_each text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT '(SELECT c.id, c.last_activity_at FROM conversations c WHERE c.contact_id '
           || coalesce('= ANY (' || p_contact_ids || ')',
                       'IN (SELECT k.id FROM contacts k WHERE k.account_id = public.current_account_id()'
                       ' AND k.profile_id = ANY ($3) AND public.inbox_contact_text(k.name, k.email, k.phone) LIKE $2)')
           || ' AND c.account_id = public.current_account_id() AND NOT coalesce(c.search_words @@ $1, false)' || p_rule || p_each || ')'
$$;

-- One page of the conversations matching a search, newest activity first, after the keyset cursor (V36
-- says what the parameters are). Walks the viewer's conversations newest first when more than
-- p_walk_above_matches of them are expected to match, else reads the matches through the indexes.
CREATE OR REPLACE FUNCTION inbox_search_conversations(
    p_search text, p_profiles uuid[], p_sees_assigned_to_others boolean, p_viewer uuid,
    p_holder uuid, p_unassigned_only boolean, p_holders uuid[],
    p_after_time timestamptz, p_after_id uuid, p_rows integer, p_walk_above_matches real)
    RETURNS TABLE (id uuid, last_activity_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER ROWS 50
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 SET enable_seqscan = off
    SET enable_bitmapscan = on SET enable_indexscan = on SET enable_sort = on
AS $$
DECLARE
    v_words constant tsquery := public.inbox_search_query(p_search);
    v_pattern constant text := public.inbox_contact_pattern(p_search);
    v_match constant text := public.inbox_search_condition(v_words, v_pattern);
    v_rule constant text := public.inbox_search_rule('(SELECT $3)::uuid[]') || ' AND (c.last_activity_at, c.id) < ($9, $10)';
    v_order constant text := ' ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ';
    v_account constant text := 'c.account_id = public.current_account_id()';
    v_walk text;
    v_stream text;
    v_plan json;
    -- The contacts of the viewer's profiles that hold the substring, when at most the threshold.
    v_contacts uuid[];
BEGIN
    IF v_match IS NULL THEN
        RETURN;
    END IF;
    IF cardinality(p_profiles) <= 8 THEN
        -- Each profile's state groups, each newest first; a team member's as two streams, the unassigned
        -- ones and their own (the profile's assignee index), not every conversation of the profile.
        v_stream := '(SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account
            || ' AND c.profile_id = p.id AND c.sort_group = g.sort_group AND %1$s' || v_rule;
        v_walk := 'SELECT x.id, x.last_activity_at FROM unnest($3) AS p(id) CROSS JOIN (VALUES (0), (1), (2)) AS g(sort_group)'
            ' CROSS JOIN LATERAL (' || CASE WHEN p_sees_assigned_to_others THEN v_stream || v_order || '%2$s)'
                ELSE v_stream || ' AND c.assignee_id IS NULL' || v_order || '%2$s) UNION ALL '
                     || v_stream || ' AND c.assignee_id = $5' || v_order || '%2$s)' END
            || ') x ORDER BY x.last_activity_at DESC, x.id DESC LIMIT %2$s';
    ELSE
        -- One ordered walk per state group, merged: the account's order index starts with the group.
        v_walk := 'SELECT x.id, x.last_activity_at FROM ('
            || '(SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account || ' AND c.sort_group = 0 AND %1$s'
            || v_rule || v_order || '%2$s) UNION ALL '
            || '(SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account || ' AND c.sort_group = 1 AND %1$s'
            || v_rule || v_order || '%2$s) UNION ALL '
            || '(SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account || ' AND c.sort_group = 2 AND %1$s'
            || v_rule || v_order || '%2$s)) x ORDER BY x.last_activity_at DESC, x.id DESC LIMIT %2$s';
    END IF;
    -- How many are expected to match in the viewer's profiles: for the words, the planner's estimate (the
    -- words column's statistics name the frequent ones; the statement is planned, never run, and has no
    -- account condition, whose selectivity the planner would multiply with the profiles' although the
    -- profiles already imply the account); for a substring, which has no statistics under row-level
    -- security, the contacts of the viewer's profiles that hold it, read up to one more than the threshold
    -- (the index path then starts from them).
    IF v_words IS NOT NULL THEN
        EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM conversations c WHERE c.search_words @@ $1 AND c.profile_id = ANY ($2)'
            INTO v_plan USING v_words, p_profiles;
    END IF;
    IF v_pattern IS NOT NULL AND coalesce((v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::real, 0) <= p_walk_above_matches THEN
        EXECUTE 'SELECT ARRAY(SELECT k.id FROM contacts k WHERE k.account_id = public.current_account_id()'
            || ' AND public.inbox_contact_text(k.name, k.email, k.phone) LIKE $1 AND k.profile_id = ANY ($2) LIMIT $3)'
            INTO v_contacts USING v_pattern, p_profiles, p_walk_above_matches::integer + 1;
    END IF;
    IF coalesce((v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::real, 0) > p_walk_above_matches
            OR cardinality(v_contacts) > p_walk_above_matches THEN
        -- Read in the lists' order, never as bitmaps of every match sorted afterwards.
        PERFORM set_config('enable_bitmapscan', 'off', true);
        PERFORM set_config('enable_sort', 'off', true);
        RETURN QUERY EXECUTE format(v_walk, v_match, '$11')
            USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders,
                  p_after_time, p_after_id, p_rows;
        RETURN;
    END IF;
    -- Read from the words and contacts indexes as bitmaps, never by walking an ordered index.
    PERFORM set_config('enable_indexscan', 'off', true);
    RETURN QUERY EXECUTE 'SELECT x.id, x.last_activity_at FROM ('
            || concat_ws(' UNION ALL ', CASE WHEN v_words IS NOT NULL THEN public.inbox_search_by_words('$12', v_rule, v_order || '$11') END,
                         CASE WHEN v_pattern IS NOT NULL THEN public.inbox_search_by_contact('$13', v_rule, v_order || '$11') END)
            || ') x' || replace(v_order, 'c.', 'x.') || '$11'
        USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders,
              p_after_time, p_after_id, p_rows, public.inbox_search_indexed_words(p_search), v_contacts;
END
$$;

-- How many conversations match a search through the same rule and holders, up to p_cap: those found by
-- their words, then those found by their contact alone, each counted in one statement for the planner to
-- choose how (a walk of the account's order for a frequent word, a bitmap of the index for a rarer one:
-- read as one union, it took the bitmap of a word in 55% of conversations, 80 ms instead of 2).
CREATE OR REPLACE FUNCTION inbox_count_search(
    p_search text, p_profiles uuid[], p_sees_assigned_to_others boolean, p_viewer uuid,
    p_holder uuid, p_unassigned_only boolean, p_holders uuid[], p_cap integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 SET enable_seqscan = off
AS $$
DECLARE
    v_words constant tsquery := public.inbox_search_query(p_search);
    v_pattern constant text := public.inbox_contact_pattern(p_search);
    v_rule constant text := public.inbox_search_rule('$3');
    v_by_words integer := 0;
    v_by_contact integer := 0;
BEGIN
    IF v_words IS NOT NULL THEN
        EXECUTE 'SELECT count(*) FROM (' || public.inbox_search_by_words('$10', v_rule, ' LIMIT $9') || ') x'
            INTO v_by_words
            USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders, p_cap,
                  public.inbox_search_indexed_words(p_search);
    END IF;
    IF v_pattern IS NOT NULL AND v_by_words < p_cap THEN
        EXECUTE 'SELECT count(*) FROM (' || public.inbox_search_by_contact(NULL, v_rule, ' LIMIT $9') || ') x'
            INTO v_by_contact
            USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders,
                  p_cap - v_by_words;
    END IF;
    RETURN v_by_words + v_by_contact;
END
$$;

-- Both page functions are declared to return about a page (ROWS 50, as inbox_search_conversations above):
-- the statements that join their rows to the tables were planned for the default 1,000 rows, and the
-- Inbox's read every unread flag of the viewer into a hash (2 ms for an owner) instead of looking up 50.
ALTER FUNCTION inbox_search_contacts(text, uuid[], text, uuid, integer) ROWS 50;
