-- Mail waiting to leave, written in the transaction of the change that causes it. The body is
-- encrypted (it can carry one-time links), recipient and subject stay readable for operators.
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    sealed_body     bytea       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    claim_id        uuid,
    sent_at         timestamptz,
    last_error      text
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_in_flight_idx ON mail_outbox (lease_until) WHERE status = 'sending';

-- What the local mailbox page (local mode only) shows instead of sending over SMTP.
CREATE TABLE mail_local_mailbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id    bigint      NOT NULL UNIQUE REFERENCES mail_outbox (id),
    delivered_at timestamptz NOT NULL,
    recipient    text        NOT NULL,
    subject      text        NOT NULL,
    sealed_body  bytea       NOT NULL
);
