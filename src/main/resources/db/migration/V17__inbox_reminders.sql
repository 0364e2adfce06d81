-- A reminder brings a conversation back at a time: it moves up the inbox and is unread again for
-- whoever holds it. set_by records who asked for it.
CREATE TABLE reminders (
    id              uuid PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    conversation_id uuid        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    due_at          timestamptz NOT NULL,
    note            text        NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    set_by          uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    fired_at        timestamptz
);
CREATE INDEX reminders_conversation_idx ON reminders (conversation_id, due_at);
CREATE INDEX reminders_due_idx ON reminders (due_at) WHERE fired_at IS NULL;

ALTER TABLE reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE reminders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON reminders
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

-- The firing job works for every account: it learns which accounts have reminders due (and nothing
-- else about them) here, then fires each one inside that account's tenancy.
GRANT SELECT (account_id, due_at, fired_at) ON reminders TO leadline_lookup;
CREATE POLICY lookup_due ON reminders FOR SELECT TO leadline_lookup USING (true);
CREATE FUNCTION inbox_accounts_with_due_reminders(p_now timestamptz, p_limit int)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT DISTINCT account_id FROM (SELECT account_id FROM reminders
                                        WHERE fired_at IS NULL AND due_at <= p_now ORDER BY due_at LIMIT p_limit) due $$;
ALTER FUNCTION inbox_accounts_with_due_reminders(timestamptz, int) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION inbox_accounts_with_due_reminders(timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_accounts_with_due_reminders(timestamptz, int) TO ${app_role};
