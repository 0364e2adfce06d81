-- Personal API tokens (PERMISSIONS.md row 32). A token belongs to one user and lives in that user's own
-- account (a partner user's agency), whatever account it works in: work_account_id is that account, the
-- user's own or, for a partner user, one client account chosen when the token was made. Only the
-- SHA-256 of the token text is kept; the text itself is shown once and never stored.
CREATE TABLE api_tokens (
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    id              uuid        NOT NULL,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    work_account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    token_hash      bytea       NOT NULL CHECK (length(token_hash) = 32),
    -- The first characters of the random part, so that a person tells their tokens apart in the list.
    hint            text        NOT NULL CHECK (hint ~ '^[A-Za-z0-9_-]{4}$'),
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL CHECK (expires_at > created_at),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    PRIMARY KEY (account_id, id),
    -- Unique with the account, as every tenant table's keys are (ready to shard by account). The text is
    -- 256 random bits, so two accounts never hold the same hash; the lookup below finds it by hash alone.
    UNIQUE (account_id, token_hash)
);
CREATE INDEX api_tokens_by_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_of_user ON api_tokens (account_id, user_id, created_at DESC);

ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_tokens
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

-- A request with a token names no account: like a reset link's, the hash is looked up across accounts by
-- this one function, which answers only the account to read the token in, under that account's policies.
GRANT SELECT (token_hash, account_id) ON api_tokens TO leadline_lookup;
CREATE POLICY lookup_by_hash ON api_tokens FOR SELECT TO leadline_lookup USING (true);

CREATE FUNCTION identity_find_api_token_account(p_token_hash bytea)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT t.account_id FROM api_tokens t WHERE t.token_hash = p_token_hash LIMIT 1 $$;
ALTER FUNCTION identity_find_api_token_account(bytea) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION identity_find_api_token_account(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_find_api_token_account(bytea) TO ${app_role};
