CREATE TABLE users (
    id                  uuid PRIMARY KEY,
    account_id          uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    email               text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    password_hash       text,
    status              text        NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
    created_at          timestamptz NOT NULL,
    password_changed_at timestamptz
);
-- One person, one address, across every account (addresses are stored normalised).
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_account_idx ON users (account_id);

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

CREATE TABLE password_reset_tokens (
    id             uuid PRIMARY KEY,
    account_id     uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    token_hash     bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    invalidated_at timestamptz
);
CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id);

ALTER TABLE password_reset_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_reset_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON password_reset_tokens
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

-- Consecutive sign-in failures per address (hashed, so typed garbage is not kept). Not tenant data:
-- it exists for unknown addresses too, so that throttling cannot tell them apart.
CREATE TABLE sign_in_failures (
    email_hash      bytea PRIMARY KEY,
    failures        int         NOT NULL,
    last_failure_at timestamptz NOT NULL
);

-- Cross-account lookups for public flows. Each returns only the ids the caller needs to continue
-- inside that one account; everything else is then read under that account's policies.
GRANT SELECT (id, account_id, email) ON users TO leadline_lookup;
CREATE POLICY lookup_by_email ON users FOR SELECT TO leadline_lookup USING (true);

CREATE FUNCTION identity_find_user_by_email(p_email text)
    RETURNS TABLE (user_id uuid, account_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT u.id, u.account_id FROM users u WHERE u.email = p_email $$;
ALTER FUNCTION identity_find_user_by_email(text) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION identity_find_user_by_email(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_find_user_by_email(text) TO ${app_role};

GRANT SELECT (token_hash, account_id) ON password_reset_tokens TO leadline_lookup;
CREATE POLICY lookup_by_hash ON password_reset_tokens FOR SELECT TO leadline_lookup USING (true);

CREATE FUNCTION identity_find_reset_token_account(p_token_hash bytea)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT t.account_id FROM password_reset_tokens t WHERE t.token_hash = p_token_hash $$;
ALTER FUNCTION identity_find_reset_token_account(bytea) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION identity_find_reset_token_account(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_find_reset_token_account(bytea) TO ${app_role};
