-- Contacts (per profile), conversations (a lead thread of one contact in one profile) and their messages.
CREATE TABLE contacts (
    id         uuid PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    profile_id uuid        NOT NULL REFERENCES profiles (id) ON DELETE RESTRICT,
    name       text        NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    phone      text        CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email      text        CHECK (length(email) <= 254),
    notes      text        NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX contacts_one_per_phone_and_profile ON contacts (profile_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX contacts_account_idx ON contacts (account_id);

-- state: new (no human reply yet), open, closed (with an outcome). A contact has at most one
-- conversation that is not closed per profile. sort_group orders the inbox: new 0, open 1, closed 2.
CREATE TABLE conversations (
    id               uuid PRIMARY KEY,
    account_id       uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    profile_id       uuid        NOT NULL REFERENCES profiles (id) ON DELETE RESTRICT,
    contact_id       uuid        NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,
    state            text        NOT NULL CHECK (state IN ('new', 'open', 'closed')),
    outcome          text        CHECK (outcome IN ('won', 'lost', 'other')),
    assignee_id      uuid,
    last_activity_at timestamptz NOT NULL,
    preview          text        NOT NULL DEFAULT '' CHECK (length(preview) <= 160),
    created_at       timestamptz NOT NULL,
    sort_group       smallint    GENERATED ALWAYS AS (CASE state WHEN 'new' THEN 0 WHEN 'open' THEN 1 ELSE 2 END) STORED,
    CHECK ((state = 'closed') = (outcome IS NOT NULL))
);
CREATE UNIQUE INDEX conversations_one_live_per_contact ON conversations (contact_id) WHERE state <> 'closed';
-- The inbox's keyset order within a profile, for each way of filtering by assignee.
CREATE INDEX conversations_inbox_idx ON conversations (profile_id, sort_group, last_activity_at DESC, id DESC);
CREATE INDEX conversations_assignee_idx ON conversations (profile_id, assignee_id, sort_group, last_activity_at DESC, id DESC);
CREATE INDEX conversations_account_assignee_idx ON conversations (account_id, assignee_id) WHERE state <> 'closed';

CREATE TABLE messages (
    id              uuid PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    conversation_id uuid        NOT NULL REFERENCES conversations (id) ON DELETE RESTRICT,
    kind            text        NOT NULL CHECK (kind IN ('inbound', 'outbound', 'auto_reply', 'note')),
    author_id       uuid,
    body            text        NOT NULL CHECK (length(body) BETWEEN 1 AND 1600),
    created_at      timestamptz NOT NULL
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at, id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['contacts', 'conversations', 'messages'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (account_id = current_account_id()) '
                           'WITH CHECK (account_id = current_account_id())', t);
    END LOOP;
END
$$;
