-- Roles and the tenant predicate every row-level security policy uses.
--
-- ${app_role}: the role the application connects as. It must be neither superuser nor BYPASSRLS,
--   so every policy below applies to it. It receives table privileges through default privileges.
-- leadline_lookup: a role nobody logs in as. It owns the few SECURITY DEFINER functions that public
--   flows (sign-in by email, token lookups) need to look across accounts, and only those functions
--   may read across tenants, through policies granted to this role alone.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'leadline_lookup') THEN
        CREATE ROLE leadline_lookup NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END
$$;

GRANT leadline_lookup TO CURRENT_USER;
GRANT USAGE, CREATE ON SCHEMA public TO leadline_lookup;
GRANT USAGE ON SCHEMA public TO ${app_role};

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- The account the current transaction works for, or NULL when none was set: then no tenant row matches.
CREATE FUNCTION current_account_id() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('app.account_id', true), '')::uuid $$;
