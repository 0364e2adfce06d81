-- The account a user belongs to, by the user's id: a partner user works inside client accounts,
-- and every request checks them (still active, name and address) in their own agency account.
CREATE FUNCTION identity_find_user_account(p_user_id uuid)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT u.account_id FROM users u WHERE u.id = p_user_id $$;
ALTER FUNCTION identity_find_user_account(uuid) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION identity_find_user_account(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION identity_find_user_account(uuid) TO ${app_role};
