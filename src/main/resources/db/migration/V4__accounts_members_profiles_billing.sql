CREATE TABLE profiles (
    id         uuid PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    timezone   text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX profiles_account_idx ON profiles (account_id);

-- A user's role is account-wide; which profiles they work in is per profile (profile_memberships).
CREATE TABLE account_members (
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    role       text        NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, user_id)
);
CREATE UNIQUE INDEX account_members_one_owner ON account_members (account_id) WHERE role = 'owner';

CREATE TABLE profile_memberships (
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    profile_id uuid        NOT NULL REFERENCES profiles (id) ON DELETE RESTRICT,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (profile_id, user_id)
);
CREATE INDEX profile_memberships_user_idx ON profile_memberships (user_id);

CREATE TABLE billing_accounts (
    account_id    uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE RESTRICT,
    owner_user_id uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    company_name  text        NOT NULL,
    billing_email text        NOT NULL,
    created_at    timestamptz NOT NULL
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['profiles', 'account_members', 'profile_memberships', 'billing_accounts'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (account_id = current_account_id()) '
                           'WITH CHECK (account_id = current_account_id())', t);
    END LOOP;
END
$$;
