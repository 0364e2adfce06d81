-- An unsubscribe request comes from a mail provider, with no session and so no account: like an API
-- token's, the token's hash is looked up across accounts by this one function, which answers only the
-- account to read it in, under that account's policies.
GRANT SELECT (token_hash, account_id) ON notification_unsubscribe_tokens TO leadline_lookup;
CREATE POLICY lookup_by_hash ON notification_unsubscribe_tokens FOR SELECT TO leadline_lookup USING (true);
CREATE FUNCTION notifications_find_unsubscribe_account(p_token_hash bytea)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT t.account_id FROM notification_unsubscribe_tokens t WHERE t.token_hash = p_token_hash LIMIT 1 $$;
ALTER FUNCTION notifications_find_unsubscribe_account(bytea) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION notifications_find_unsubscribe_account(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notifications_find_unsubscribe_account(bytea) TO ${app_role};

-- The digest job works for every account: it learns which accounts have leads waiting (and nothing else
-- about them) here, a page at a time in account order, then sends each account's digests inside that
-- account's tenancy. Every account with waiting entries is visited at each run, so one account whose
-- people are not due yet (many entries, a digest sent a minute ago) cannot hold back the others.
GRANT SELECT (account_id, queued_at) ON notification_digest_entries TO leadline_lookup;
CREATE POLICY lookup_waiting ON notification_digest_entries FOR SELECT TO leadline_lookup USING (true);
CREATE FUNCTION notifications_accounts_with_digest_entries(p_until timestamptz, p_after uuid, p_limit int)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT DISTINCT account_id FROM notification_digest_entries
      WHERE queued_at <= p_until AND (p_after IS NULL OR account_id > p_after)
      ORDER BY account_id LIMIT p_limit $$;
ALTER FUNCTION notifications_accounts_with_digest_entries(timestamptz, uuid, int) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION notifications_accounts_with_digest_entries(timestamptz, uuid, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notifications_accounts_with_digest_entries(timestamptz, uuid, int) TO ${app_role};
