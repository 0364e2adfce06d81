-- "Sync now" of a webhook endpoint (issue 18): replays contact.updated for every contact of the profiles the
-- endpoint covers, in pages, in the background. One row per sync, for the endpoint's page to show its progress:
-- queued counts the deliveries written so far, cursor is the last contact id done, finished_at marks the end.
CREATE TABLE webhook_syncs (
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    id          uuid        NOT NULL,
    endpoint_id uuid        NOT NULL,
    started_by  uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    started_at  timestamptz NOT NULL,
    queued      int         NOT NULL DEFAULT 0 CHECK (queued >= 0),
    cursor_id   uuid,
    finished_at timestamptz,
    error       text        CHECK (length(error) <= 500),
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, endpoint_id) REFERENCES webhook_endpoints (account_id, id) ON DELETE RESTRICT
);
CREATE INDEX webhook_syncs_of_endpoint_idx ON webhook_syncs (account_id, endpoint_id, started_at DESC);

ALTER TABLE webhook_syncs ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_syncs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_syncs USING (account_id = current_account_id())
    WITH CHECK (account_id = current_account_id());
