-- Speed of the Leadbox intake (docs/BENCHMARKS.md, "Leadbox intake (issue 17)"); nothing changes in what is stored.
--
-- 1. The relay's claim (inbox_claim_due_texts) reads the due texts in id order. It walked the primary key
--    past every text ever sent: 13 ms a claim at 25,000 sent texts, more with every text. This index holds
--    only the texts still to send (queued, or sending under a lease), in id order: the claim reads those.
CREATE INDEX CONCURRENTLY IF NOT EXISTS text_outbox_pending_idx ON text_outbox (id) WHERE status IN ('queued', 'sending');

-- 2. Two lookup functions that every lead calls (the viewers of its profile, the profile's texting
--    number) were SQL functions; a SQL function with SECURITY DEFINER and SET is never inlined, and
--    PostgreSQL plans its query again at every call (0.43 ms for the partner users, three tables joined).
--    As PL/pgSQL they keep their plans for the connection. Same signatures, results, owner and grants.
CREATE OR REPLACE FUNCTION partners_partner_users_of_current_account()
    RETURNS TABLE (user_id uuid, name text, email text, agency_account_id uuid, agency_name text, level text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT u.id, u.name, u.email, g.agency_account_id, a.name, g.level
    FROM partner_grants g
    JOIN accounts a ON a.id = g.agency_account_id
    JOIN users u ON u.account_id = g.agency_account_id AND u.status = 'active'
    WHERE g.client_account_id = current_account_id();
END
$$;

CREATE OR REPLACE FUNCTION texting_numbers_of_current_account()
    RETURNS TABLE (profile_id uuid, phone_number text, assigned_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT n.profile_id, n.phone_number, n.assigned_at FROM texting_numbers n
    WHERE n.account_id = current_account_id() AND n.profile_id IS NOT NULL;
END
$$;
