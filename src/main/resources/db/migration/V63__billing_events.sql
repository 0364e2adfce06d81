-- Billing (issue 20). One row per change that a bill depends on, written in the same transaction as the
-- change (docs/billing.md): seats (a user's acceptance, deactivation and reactivation; an invitation is
-- recorded but is no seat), profiles added, archived and restored, and plan changes; and changes to the
-- billing details. An invoice for any month is computed from these rows alone.
CREATE TABLE billing_events (
    id            uuid PRIMARY KEY,
    -- The order of writing, for changes at the same instant.
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    occurred_at   timestamptz NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('user_invited', 'seat_added', 'seat_removed', 'profile_added',
                                                       'profile_archived', 'profile_restored', 'plan_changed',
                                                       'billing_details_changed')),
    subject_type  text        NOT NULL CHECK (subject_type IN ('user', 'profile', 'account')),
    subject_id    uuid        NOT NULL,
    from_value    text,
    to_value      text,
    -- Who made the change; null for support staff and for rows written by this migration.
    actor_user_id uuid
);
CREATE INDEX billing_events_by_account ON billing_events (account_id, occurred_at, seq);

-- What existed before billing events did: every profile added (on its current plan) and archived, and
-- every active person a seat since they joined. Written before row-level security is switched on.
INSERT INTO billing_events (id, account_id, occurred_at, kind, subject_type, subject_id, to_value)
SELECT gen_random_uuid(), p.account_id, p.created_at, 'profile_added', 'profile', p.id, p.plan FROM profiles p;
INSERT INTO billing_events (id, account_id, occurred_at, kind, subject_type, subject_id, from_value)
SELECT gen_random_uuid(), p.account_id, p.archived_at, 'profile_archived', 'profile', p.id, p.plan
FROM profiles p WHERE p.archived_at IS NOT NULL;
INSERT INTO billing_events (id, account_id, occurred_at, kind, subject_type, subject_id)
SELECT gen_random_uuid(), m.account_id, m.created_at, 'seat_added', 'user', m.user_id
FROM account_members m JOIN users u ON u.id = m.user_id WHERE u.status = 'active';

ALTER TABLE billing_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON billing_events
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

-- The billing account's address and tax id (sign-up writes the company name and email only).
ALTER TABLE billing_accounts
    ADD COLUMN address_line1 text,
    ADD COLUMN address_line2 text,
    ADD COLUMN city          text,
    ADD COLUMN postal_code   text,
    ADD COLUMN country       text CHECK (country ~ '^[A-Z]{2}$'),
    ADD COLUMN tax_id        text,
    ADD COLUMN updated_at    timestamptz;
