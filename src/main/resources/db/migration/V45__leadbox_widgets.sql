-- The Leadbox: the website widget of each profile, and one per account that lets a visitor pick a
-- profile first (profile_id NULL). Rows are made on first use with the defaults (LeadboxStore.ensure):
-- nothing to backfill, and creating empty tables takes no lock on a table anyone writes.
CREATE TABLE leadboxes (
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    id              uuid        NOT NULL,
    profile_id      uuid        REFERENCES profiles (id) ON DELETE RESTRICT,
    -- The public key in the embed code; leadbox_keys below routes it to this row.
    widget_key      text        NOT NULL CHECK (widget_key ~ '^[A-Za-z0-9_-]{16,64}$'),
    enabled         boolean     NOT NULL,
    button_text     text        NOT NULL CHECK (length(button_text) BETWEEN 1 AND 40),
    colour          text        NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
    greeting        text        NOT NULL CHECK (length(greeting) <= 300),
    offers_text     boolean     NOT NULL,
    offers_call     boolean     NOT NULL,
    consent         text        NOT NULL CHECK (length(consent) BETWEEN 1 AND 500),
    -- Exact origins (scheme://host[:port]) whose pages may use the key; none: no website may.
    allowed_origins text[]      NOT NULL CHECK (cardinality(allowed_origins) <= 20),
    -- A profile's place in the account's multi-profile Leadbox (lowest first).
    position        integer     NOT NULL DEFAULT 0,
    -- Signs the form tokens the panel gets when it opens (the minimum fill time); never leaves the server.
    form_secret     bytea       NOT NULL CHECK (length(form_secret) >= 32),
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX leadboxes_of_profiles ON leadboxes (account_id, profile_id) WHERE profile_id IS NOT NULL;
CREATE UNIQUE INDEX leadboxes_multi_profile ON leadboxes (account_id) WHERE profile_id IS NULL;

ALTER TABLE leadboxes ENABLE ROW LEVEL SECURITY;
ALTER TABLE leadboxes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON leadboxes
    USING (account_id = current_account_id()) WITH CHECK (account_id = current_account_id());

-- A widget's request names a key and no account: like texting_numbers, this registry is not a
-- tenant table; the application reaches it only through the functions below.
CREATE TABLE leadbox_keys (
    widget_key text PRIMARY KEY,
    account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    leadbox_id uuid NOT NULL UNIQUE
);
REVOKE ALL ON leadbox_keys FROM ${app_role};
ALTER TABLE leadbox_keys OWNER TO leadline_lookup;
ALTER TABLE leadbox_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE leadbox_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY lookup_functions ON leadbox_keys TO leadline_lookup USING (true) WITH CHECK (true);

-- The account and Leadbox a key belongs to, whichever account that is.
CREATE FUNCTION leadbox_route_key(p_key text)
    RETURNS TABLE (account_id uuid, leadbox_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT k.account_id, k.leadbox_id FROM leadbox_keys k WHERE k.widget_key = p_key $$;

-- Records the key of a Leadbox of the current account.
CREATE FUNCTION leadbox_register_key(p_key text, p_leadbox uuid)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ INSERT INTO leadbox_keys (widget_key, account_id, leadbox_id) VALUES (p_key, current_account_id(), p_leadbox) $$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY ['leadbox_route_key(text)', 'leadbox_register_key(text, uuid)'] LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO leadline_lookup', f);
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, '${app_role}');
    END LOOP;
END
$$;

-- The page a Leadbox lead was sent from. Only the catalogue changes; the check holds for new rows
-- at once (every existing row has none).
ALTER TABLE messages ADD COLUMN source_url text;
ALTER TABLE messages ADD CONSTRAINT messages_source_url_check CHECK (length(source_url) <= 2000) NOT VALID;
