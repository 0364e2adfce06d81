-- A person's notification choices (issue 19). Only explicit choices are stored: a NULL column is the
-- default, worked out when an email is due (docs/notifications.md): the assignment email on; the new-lead
-- email "each", or "digest" for the owner and admins who work in more than one profile. Kept in the
-- user's own account. last_digest_at: when their last digest went out (at most one per interval, on any node).
CREATE TABLE notification_preferences (
    account_id       uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    assignment_email boolean,
    new_lead_email   text        CHECK (new_lead_email IN ('each', 'digest', 'off')),
    last_digest_at   timestamptz,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (account_id, user_id)
);
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_preferences
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

-- New leads waiting for a person's next digest. A conversation is listed once per person; the digest
-- re-checks that the person may still see it when it goes out, and removes what it took.
CREATE TABLE notification_digest_entries (
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    conversation_id uuid        NOT NULL,
    queued_at       timestamptz NOT NULL,
    PRIMARY KEY (account_id, user_id, conversation_id)
);
CREATE INDEX notification_digest_entries_due ON notification_digest_entries (queued_at);
ALTER TABLE notification_digest_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_digest_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_digest_entries
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

-- The one-click unsubscribe link of each notification email (RFC 8058): a random 256-bit token naming
-- one person and one kind of email; only its SHA-256 is kept.
CREATE TABLE notification_unsubscribe_tokens (
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    token_hash  bytea       NOT NULL CHECK (length(token_hash) = 32),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('assignment', 'new-lead')),
    created_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (account_id, token_hash)
);
CREATE INDEX notification_unsubscribe_tokens_by_hash ON notification_unsubscribe_tokens (token_hash);
ALTER TABLE notification_unsubscribe_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_unsubscribe_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_unsubscribe_tokens
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());
