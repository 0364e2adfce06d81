-- Canned replies: personal (one user's, private) or shared by a profile's people. The name is what
-- follows "/" in a reply.
CREATE TABLE shortcuts (
    id            uuid PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    owner_user_id uuid,
    profile_id    uuid        REFERENCES profiles (id) ON DELETE RESTRICT,
    name          text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    body          text        NOT NULL CHECK (length(body) BETWEEN 1 AND 1600),
    created_at    timestamptz NOT NULL,
    CHECK ((owner_user_id IS NULL) <> (profile_id IS NULL))
);
CREATE UNIQUE INDEX shortcuts_personal_name ON shortcuts (owner_user_id, name) WHERE owner_user_id IS NOT NULL;
CREATE UNIQUE INDEX shortcuts_shared_name ON shortcuts (profile_id, name) WHERE profile_id IS NOT NULL;

ALTER TABLE shortcuts ENABLE ROW LEVEL SECURITY;
ALTER TABLE shortcuts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON shortcuts
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());
