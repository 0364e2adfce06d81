-- Unread flags, one row per person and conversation they have not read since it last asked for
-- their attention (a lead's message, a transfer to them, a reminder). Reading deletes the row, so a
-- person's unread set stays small and their tab counts are read from it, not from every conversation.
CREATE TABLE conversation_unread (
    user_id         uuid NOT NULL,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    account_id      uuid NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    PRIMARY KEY (user_id, conversation_id)
);
CREATE INDEX conversation_unread_conversation_idx ON conversation_unread (conversation_id);

ALTER TABLE conversation_unread ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_unread FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_unread
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

-- The inbox's order across a whole account, for people who see most of its profiles: the first
-- page is read in index order instead of merging every profile's rows.
CREATE INDEX conversations_account_order_idx ON conversations (account_id, sort_group, last_activity_at DESC, id DESC);
DROP INDEX conversations_account_assignee_idx;
CREATE INDEX conversations_account_assignee_idx
    ON conversations (account_id, assignee_id, sort_group, last_activity_at DESC, id DESC);
