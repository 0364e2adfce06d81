-- Outgoing webhooks (issue 18, PERMISSIONS.md row 20): an account's endpoints, and the deliveries to
-- them, which are at once the outbox (written in the transaction of the change they announce) and the
-- endpoint's delivery log (with one row per attempt in webhook_attempts).
CREATE TABLE webhook_endpoints (
    account_id            uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    id                    uuid        NOT NULL,
    url                   text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    description           text        NOT NULL DEFAULT '' CHECK (length(description) <= 200),
    -- Every profile of the account, today's and those added later (the owner's and Admin-level partners'
    -- choice); otherwise only profile_ids. Account-wide events (team changes) reach every endpoint that chose them.
    all_profiles          boolean     NOT NULL,
    profile_ids           uuid[]      NOT NULL DEFAULT '{}',
    event_types           text[]      NOT NULL CHECK (cardinality(event_types) >= 1),
    -- Standard Webhooks secrets: whsec_ and the base64 of the key. While a rotation's grace period runs,
    -- deliveries carry a signature with each.
    secret                text        NOT NULL CHECK (secret LIKE 'whsec\_%'),
    previous_secret       text        CHECK (previous_secret LIKE 'whsec\_%'),
    previous_secret_until timestamptz,
    enabled               boolean     NOT NULL DEFAULT true,
    disabled_at           timestamptz,
    disabled_reason       text        CHECK (length(disabled_reason) <= 300),
    -- The first failed attempt since the last success; a day of failing disables the endpoint.
    failing_since         timestamptz,
    created_by            uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    created_at            timestamptz NOT NULL,
    version               int         NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, id),
    CHECK ((previous_secret IS NULL) = (previous_secret_until IS NULL)),
    CHECK (enabled = (disabled_at IS NULL))
);

-- status: pending (due at next_attempt_at), sending (claimed by a relay until lease_until), delivered,
-- failed (given up after about a day of attempts). message_id is the webhook-id header: the same on every
-- attempt and on a resend, so receivers can drop what they already have. ordering_key (a conversation, or
-- a contact for contact events) orders deliveries: a row is sent only once every earlier row of its
-- endpoint with the same key is delivered or given up.
CREATE TABLE webhook_deliveries (
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    endpoint_id     uuid        NOT NULL,
    message_id      text        NOT NULL CHECK (message_id ~ '^msg_[A-Za-z0-9]{20,40}$'),
    event_type      text        NOT NULL CHECK (length(event_type) <= 40),
    ordering_key    uuid,
    -- The body exactly as signed: text, not jsonb, which would reorder and respace it.
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    claim_id        uuid,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, endpoint_id) REFERENCES webhook_endpoints (account_id, id) ON DELETE RESTRICT,
    CHECK ((status IN ('delivered', 'failed')) = (finished_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_in_flight_idx ON webhook_deliveries (lease_until) WHERE status = 'sending';
CREATE INDEX webhook_deliveries_open_by_key_idx ON webhook_deliveries (endpoint_id, ordering_key, id)
    WHERE status IN ('pending', 'sending');
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (account_id, endpoint_id, id DESC);

CREATE TABLE webhook_attempts (
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    delivery_id  bigint      NOT NULL,
    attempted_at timestamptz NOT NULL,
    -- NULL when no HTTP answer came (refused address, connection error, timeout); error says which.
    status_code  int,
    duration_ms  int         NOT NULL CHECK (duration_ms >= 0),
    response     text        NOT NULL DEFAULT '' CHECK (length(response) <= 1000),
    error        text        CHECK (length(error) <= 500),
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, delivery_id) REFERENCES webhook_deliveries (account_id, id) ON DELETE RESTRICT
);
CREATE INDEX webhook_attempts_of_delivery_idx ON webhook_attempts (account_id, delivery_id, id);

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_endpoints USING (account_id = current_account_id())
    WITH CHECK (account_id = current_account_id());
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries USING (account_id = current_account_id())
    WITH CHECK (account_id = current_account_id());
ALTER TABLE webhook_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_attempts USING (account_id = current_account_id())
    WITH CHECK (account_id = current_account_id());

-- As for the text outbox: the relay works for no account, so the one cross-account step, claiming the
-- due heads of each endpoint's queues, is this function owned by leadline_lookup; everything after it
-- (reading the endpoint, recording the attempt) happens in the row's own account under the tenant policy.
GRANT SELECT (account_id, id, endpoint_id, ordering_key, status, attempts, next_attempt_at, lease_until),
      UPDATE (status, claim_id, lease_until, attempts) ON webhook_deliveries TO leadline_lookup;
CREATE POLICY relay_claims ON webhook_deliveries TO leadline_lookup USING (true) WITH CHECK (true);
GRANT SELECT (account_id, id, enabled) ON webhook_endpoints TO leadline_lookup;
CREATE POLICY relay_reads ON webhook_endpoints FOR SELECT TO leadline_lookup USING (true);

CREATE FUNCTION integrations_claim_due_webhooks(p_now timestamptz, p_limit int, p_claim uuid, p_lease_until timestamptz)
    RETURNS TABLE (account_id uuid, id bigint, attempts int)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    WITH due AS (
        SELECT d.account_id, d.id FROM webhook_deliveries d
        JOIN webhook_endpoints e ON e.account_id = d.account_id AND e.id = d.endpoint_id AND e.enabled
        WHERE ((d.status = 'pending' AND d.next_attempt_at <= p_now)
            OR (d.status = 'sending' AND d.lease_until <= p_now))
          AND (d.ordering_key IS NULL OR NOT EXISTS (
                SELECT 1 FROM webhook_deliveries earlier
                WHERE earlier.endpoint_id = d.endpoint_id AND earlier.ordering_key = d.ordering_key
                  AND earlier.id < d.id AND earlier.status IN ('pending', 'sending')))
        ORDER BY d.id
        LIMIT p_limit
        FOR UPDATE OF d SKIP LOCKED)
    UPDATE webhook_deliveries w
    SET status = 'sending', claim_id = p_claim, lease_until = p_lease_until, attempts = w.attempts + 1
    FROM due WHERE w.account_id = due.account_id AND w.id = due.id
    RETURNING w.account_id, w.id, w.attempts
$$;
ALTER FUNCTION integrations_claim_due_webhooks(timestamptz, int, uuid, timestamptz) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION integrations_claim_due_webhooks(timestamptz, int, uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION integrations_claim_due_webhooks(timestamptz, int, uuid, timestamptz) TO ${app_role};
