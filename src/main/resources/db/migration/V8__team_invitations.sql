-- An invitee is a user row with status 'invited' (no password yet), their account role and profile
-- memberships, and one invitation that carries the hashed link. Accepting activates that row.
CREATE TABLE invitations (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    user_id     uuid        NOT NULL,
    email       text        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    invited_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    revoked_at  timestamptz
);
-- At most one live invitation per invitee.
CREATE UNIQUE INDEX invitations_one_open_per_user ON invitations (user_id)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_inviter_idx ON invitations (invited_by, created_at);

-- Every sending of an invitation (the first and each resend), for the resend limits.
CREATE TABLE invitation_sends (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    invitation_id uuid        NOT NULL REFERENCES invitations (id) ON DELETE RESTRICT,
    sent_by       uuid        NOT NULL,
    resend        boolean     NOT NULL,
    sent_at       timestamptz NOT NULL
);
CREATE INDEX invitation_sends_invitation_idx ON invitation_sends (invitation_id, sent_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['invitations', 'invitation_sends'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (account_id = current_account_id()) '
                           'WITH CHECK (account_id = current_account_id())', t);
    END LOOP;
END
$$;

GRANT SELECT (token_hash, account_id) ON invitations TO leadline_lookup;
CREATE POLICY lookup_by_hash ON invitations FOR SELECT TO leadline_lookup USING (true);

-- The account of an invitation link, for the public accept page.
CREATE FUNCTION team_find_invitation_account(p_token_hash bytea)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT i.account_id FROM invitations i WHERE i.token_hash = p_token_hash $$;
ALTER FUNCTION team_find_invitation_account(bytea) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION team_find_invitation_account(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION team_find_invitation_account(bytea) TO ${app_role};

-- Support staff run Leadline itself: a separate table, never members of a customer account.
CREATE TABLE support_staff (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL
);
