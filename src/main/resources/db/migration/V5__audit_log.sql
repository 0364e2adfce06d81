-- Append-only: the application may insert and read its own account's entries, never change them.
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    uuid REFERENCES accounts (id) ON DELETE RESTRICT,
    occurred_at   timestamptz NOT NULL,
    action        text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('success', 'failure', 'refused')),
    actor_user_id uuid,
    target_type   text,
    target_id     text,
    ip            text,
    details       jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_account_time_idx ON audit_log (account_id, occurred_at DESC);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app_role};

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- Entries without an account (a failed sign-in for an unknown address) are written but only
-- support staff read them; an account reads only its own.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON audit_log FOR SELECT USING (account_id = current_account_id());
CREATE POLICY tenant_append ON audit_log FOR INSERT
    WITH CHECK (account_id IS NULL OR account_id = current_account_id());
