-- The partner users who can work in the current account: the active users of every agency that
-- holds a grant to it, with the agency's name and the grant's level. Nothing else of the agency.
GRANT SELECT (name, status) ON users TO leadline_lookup;

CREATE FUNCTION partners_partner_users_of_current_account()
    RETURNS TABLE (user_id uuid, name text, email text, agency_account_id uuid, agency_name text, level text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    SELECT u.id, u.name, u.email, g.agency_account_id, a.name, g.level
    FROM partner_grants g
    JOIN accounts a ON a.id = g.agency_account_id
    JOIN users u ON u.account_id = g.agency_account_id AND u.status = 'active'
    WHERE g.client_account_id = current_account_id()
$$;
ALTER FUNCTION partners_partner_users_of_current_account() OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION partners_partner_users_of_current_account() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partners_partner_users_of_current_account() TO ${app_role};
