-- A profile's auto replies: what a new lead is texted at once, one text for when the profile is open
-- and one for after hours. A table of its own rather than columns on profiles: the inbox owns the
-- rule that sends them, the rows exist only for profiles whose admins set them (no row: both off),
-- and creating an empty table takes no lock on a table anyone writes. Nothing to backfill.
CREATE TABLE inbox_auto_replies (
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    profile_id uuid        NOT NULL REFERENCES profiles (id) ON DELETE RESTRICT,
    kind       text        NOT NULL CHECK (kind IN ('new_lead', 'after_hours')),
    enabled    boolean     NOT NULL,
    -- Placeholders ({first_name}, {button_name}) are stored as typed and filled when the text is sent.
    body       text        NOT NULL CHECK (length(body) <= 480),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (profile_id, kind),
    CHECK (NOT enabled OR length(body) >= 1)
);

ALTER TABLE inbox_auto_replies ENABLE ROW LEVEL SECURITY;
ALTER TABLE inbox_auto_replies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON inbox_auto_replies
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());
