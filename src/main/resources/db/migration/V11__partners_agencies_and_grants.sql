-- A partner agency is an account of its own kind: its users sign in, reset passwords and are
-- invited like any account's users. Its referral code brings new client accounts.
ALTER TABLE accounts ADD COLUMN kind text NOT NULL DEFAULT 'business' CHECK (kind IN ('business', 'agency'));
ALTER TABLE accounts ADD COLUMN referral_code text UNIQUE
    CHECK (referral_code IS NULL OR (kind = 'agency' AND referral_code ~ '^[A-Z2-7]{10}$'));

-- An agency's access to a client account. The level lives here, so it is the same for every user
-- of the agency. Both sides see the grant: the client manages it, the agency lists its clients.
CREATE TABLE partner_grants (
    client_account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    agency_account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    level             text        NOT NULL CHECK (level IN ('admin', 'read_only')),
    granted_at        timestamptz NOT NULL,
    granted_by        uuid,
    PRIMARY KEY (client_account_id, agency_account_id),
    CHECK (client_account_id <> agency_account_id)
);
CREATE INDEX partner_grants_agency_idx ON partner_grants (agency_account_id);

ALTER TABLE partner_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_grants FORCE ROW LEVEL SECURITY;
CREATE POLICY both_sides ON partner_grants
    USING (client_account_id = current_account_id() OR agency_account_id = current_account_id())
    WITH CHECK (client_account_id = current_account_id() OR agency_account_id = current_account_id());

GRANT SELECT (id, name, kind, referral_code) ON accounts TO leadline_lookup;
CREATE POLICY lookup_by_referral ON accounts FOR SELECT TO leadline_lookup USING (true);
GRANT SELECT ON partner_grants TO leadline_lookup;
CREATE POLICY lookup_grants ON partner_grants FOR SELECT TO leadline_lookup USING (true);

-- The agency a referral link names, for the public sign-up.
CREATE FUNCTION partners_find_agency_by_referral(p_code text)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT a.id FROM accounts a WHERE a.kind = 'agency' AND a.referral_code = p_code $$;
ALTER FUNCTION partners_find_agency_by_referral(text) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION partners_find_agency_by_referral(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partners_find_agency_by_referral(text) TO ${app_role};

-- The other side's names, for the grants the current account holds: a client sees its agencies'
-- names, an agency its clients' names; nothing else of the other account.
CREATE FUNCTION partners_grants_of_current_account()
    RETURNS TABLE (client_account_id uuid, client_name text, agency_account_id uuid, agency_name text, level text,
                   granted_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    SELECT g.client_account_id, c.name, g.agency_account_id, a.name, g.level, g.granted_at
    FROM partner_grants g JOIN accounts c ON c.id = g.client_account_id JOIN accounts a ON a.id = g.agency_account_id
    WHERE current_account_id() IN (g.client_account_id, g.agency_account_id)
$$;
ALTER FUNCTION partners_grants_of_current_account() OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION partners_grants_of_current_account() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partners_grants_of_current_account() TO ${app_role};
