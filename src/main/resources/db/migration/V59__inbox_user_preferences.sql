-- A person's own choices for working in the inbox (issue 19): for now whether single-key shortcuts are on
-- (WCAG 2.1.4 asks that a person can turn them off). The row lives in the user's home account, as an API
-- token does, whatever account a partner user works in, so the choice follows the person. No row means the
-- defaults (shortcuts on): nothing to backfill, and creating an empty table takes no lock anyone waits for.
CREATE TABLE inbox_user_preferences (
    account_id         uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    user_id            uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    keyboard_shortcuts boolean     NOT NULL DEFAULT true,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (account_id, user_id)
);

ALTER TABLE inbox_user_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE inbox_user_preferences FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON inbox_user_preferences
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());
