-- Outbound texts waiting to leave through the text channel (the SMS provider, or the dev channel in
-- local mode), written in the transaction of the reply that causes them. One row per outbound
-- message; the row id is the idempotency key the channel passes to the provider.
CREATE TABLE text_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    message_id      uuid        NOT NULL UNIQUE REFERENCES messages (id) ON DELETE RESTRICT,
    profile_id      uuid        NOT NULL REFERENCES profiles (id) ON DELETE RESTRICT,
    to_phone        text        NOT NULL CHECK (to_phone ~ '^\+[1-9][0-9]{6,14}$'),
    body            text        NOT NULL CHECK (length(body) BETWEEN 1 AND 1600),
    status          text        NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    claim_id        uuid,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX text_outbox_due_idx ON text_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX text_outbox_in_flight_idx ON text_outbox (lease_until) WHERE status = 'sending';
CREATE INDEX text_outbox_profile_idx ON text_outbox (profile_id, id DESC);

-- A tenant table like every other: the application sees the rows of the account it works for.
ALTER TABLE text_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE text_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON text_outbox USING (account_id = current_account_id())
    WITH CHECK (account_id = current_account_id());

-- The relay runs for no account, yet has to find due rows of every account. Rather than take the
-- table out of row-level security (it holds what customers' leads are told), the one cross-account
-- step, claiming a batch, is this function, owned by leadline_lookup; the relay then marks each
-- claimed row sent or failed in a transaction of the row's own account, under the tenant policy.
GRANT SELECT (id, account_id, message_id, profile_id, to_phone, body, status, attempts, next_attempt_at, lease_until),
      UPDATE (status, claim_id, lease_until, attempts) ON text_outbox TO leadline_lookup;
CREATE POLICY relay_claims ON text_outbox TO leadline_lookup USING (true) WITH CHECK (true);

CREATE FUNCTION inbox_claim_due_texts(p_now timestamptz, p_limit int, p_claim uuid, p_lease_until timestamptz)
    RETURNS TABLE (id bigint, account_id uuid, message_id uuid, profile_id uuid, to_phone text, body text, attempts int)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    WITH due AS (
        SELECT o.id FROM text_outbox o
        WHERE (o.status = 'queued' AND o.next_attempt_at <= p_now)
           OR (o.status = 'sending' AND o.lease_until <= p_now)
        ORDER BY o.id
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED)
    UPDATE text_outbox t
    SET status = 'sending', claim_id = p_claim, lease_until = p_lease_until, attempts = t.attempts + 1
    FROM due WHERE t.id = due.id
    RETURNING t.id, t.account_id, t.message_id, t.profile_id, t.to_phone, t.body, t.attempts
$$;
ALTER FUNCTION inbox_claim_due_texts(timestamptz, int, uuid, timestamptz) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION inbox_claim_due_texts(timestamptz, int, uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_claim_due_texts(timestamptz, int, uuid, timestamptz) TO ${app_role};
