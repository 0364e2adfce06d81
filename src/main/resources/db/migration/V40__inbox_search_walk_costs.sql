-- Search, third pass (issue 15): less work for each conversation a walk reads, and less planning a call.
--
-- * A walk tests a conversation's copy of its contact's name, email and phone (inbox_contact_text, which
--   folds them, a microsecond or more a row) only when some contact of the viewer's profiles holds the
--   substring: the contacts are now read for every search with a substring, not only when the words look
--   rare, and most word searches find none. A medium word's walk reads about 2,200 conversations for a
--   page: 5.4 ms with the test, 1.8 without (docs/BENCHMARKS.md).
-- * A viewer whose profiles are every profile of the account (an owner, an Admin-level partner, an admin
--   of all profiles) has no profile test in a page's statements (the account's is enough): the test of a
--   hundred profiles is a linear search when the list is a parameter, for each row a walk reads, and the
--   estimate and the contacts' read were planned over the hundred values each time.
-- * inbox_search_rule takes NULL for "every profile of the account".
-- * The matched message (InboxSearch's last step) is looked for among a conversation's messages with a
--   cheaper test first: the message's folded text holds each of the search's words somewhere
--   (inbox_search_patterns), which every message whose words match passes; only those that pass are
--   parsed into words (to_tsvector is four fifths of the test's cost).
GRANT SELECT (id, account_id) ON profiles TO leadline_lookup;
CREATE POLICY lookup_search ON profiles FOR SELECT TO leadline_lookup USING (true);

-- Whether these profiles are all the account's, archived ones included (so that leaving out the test of
-- the profile cannot show a conversation of a profile the viewer was not given). PL/pgSQL, whose
-- statement's plan is kept for the session: a SQL function's body was planned at every call (0.35 ms).
CREATE FUNCTION inbox_sees_every_profile(p_profiles uuid[]) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN NOT EXISTS (SELECT 1 FROM public.profiles p WHERE p.account_id = public.current_account_id() AND p.id <> ALL (p_profiles));
END
$$;

-- A LIKE pattern that finds this text anywhere, its own % _ and \ taken as themselves: one place for the
-- escaping that the contact's substring (V36's inbox_contact_pattern, now through it) and the words need.
CREATE FUNCTION inbox_like_anywhere(p_text text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT '%' || replace(replace(replace(p_text, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

CREATE OR REPLACE FUNCTION inbox_contact_pattern(p_search text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN length(t) >= 3 THEN public.inbox_like_anywhere(t) END
    FROM (SELECT CASE WHEN p_search ~ '^[0-9 ()+./-]+$' THEN regexp_replace(p_search, '[^0-9]', '', 'g')
                      ELSE btrim(public.inbox_fold(p_search)) END AS t) s
$$;

-- One LIKE pattern per word of the search (as inbox_search_query reads them), each word anywhere: a
-- message whose words match the search holds each of them in its folded text (its words are pieces of that
-- text), so `inbox_fold(body) LIKE ALL (inbox_search_patterns(search))` is true of it.
CREATE FUNCTION inbox_search_patterns(p_search text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT array_agg(public.inbox_like_anywhere(t.lexeme)) FROM unnest(to_tsvector('simple'::regconfig, public.inbox_fold(p_search))) AS t
$$;

-- The visibility rule and the tab's holders on a conversation c (V38); p_profiles NULL: the viewer sees
-- every profile of the account, and the statement names the account.
CREATE OR REPLACE FUNCTION inbox_search_rule(p_profiles text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(' AND c.profile_id = ANY (' || p_profiles || ')', '') || ' AND ($4 OR c.assignee_id IS NULL OR c.assignee_id = $5)'
           ' AND ($6::uuid IS NULL OR c.assignee_id = $6) AND (NOT $7 OR c.assignee_id IS NULL)'
           ' AND ($8::uuid[] IS NULL OR c.assignee_id = ANY ($8))'
$$;

-- A page of a search (V38), with a walk's test of the contact only when a contact holds the substring and
-- no test of the profile for a viewer of every profile.
CREATE OR REPLACE FUNCTION inbox_search_conversations(
    p_search text, p_profiles uuid[], p_sees_assigned_to_others boolean, p_viewer uuid,
    p_holder uuid, p_unassigned_only boolean, p_holders uuid[],
    p_after_time timestamptz, p_after_id uuid, p_rows integer, p_walk_above_matches real)
    RETURNS TABLE (id uuid, last_activity_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER ROWS 50
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 SET enable_seqscan = off
    SET enable_bitmapscan = on SET enable_indexscan = on SET enable_sort = on
AS $$
DECLARE
    v_words constant tsquery := public.inbox_search_query(p_search);
    v_pattern constant text := public.inbox_contact_pattern(p_search);
    v_match text := public.inbox_search_condition(v_words, v_pattern);
    v_every_profile constant boolean := public.inbox_sees_every_profile(p_profiles);
    v_rule constant text := public.inbox_search_rule(CASE WHEN NOT v_every_profile THEN '(SELECT $3)::uuid[]' END)
        || ' AND (c.last_activity_at, c.id) < ($9, $10)';
    v_order constant text := ' ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ';
    v_account constant text := 'c.account_id = public.current_account_id()';
    v_walk text;
    v_stream text;
    v_plan json;
    -- The contacts of the viewer's profiles that hold the substring, up to one more than the threshold.
    v_contacts uuid[];
BEGIN
    IF v_match IS NULL THEN
        RETURN;
    END IF;
    IF cardinality(p_profiles) <= 8 THEN
        -- Each profile's state groups, each newest first; a team member's as two streams, the unassigned
        -- ones and their own (the profile's assignee index), not every conversation of the profile.
        v_stream := '(SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account
            || ' AND c.profile_id = p.id AND c.sort_group = g.sort_group AND %1$s' || v_rule;
        v_walk := 'SELECT x.id, x.last_activity_at FROM unnest($3) AS p(id) CROSS JOIN (VALUES (0), (1), (2)) AS g(sort_group)'
            ' CROSS JOIN LATERAL (' || CASE WHEN p_sees_assigned_to_others THEN v_stream || v_order || '%2$s)'
                ELSE v_stream || ' AND c.assignee_id IS NULL' || v_order || '%2$s) UNION ALL '
                     || v_stream || ' AND c.assignee_id = $5' || v_order || '%2$s)' END
            || ') x ORDER BY x.last_activity_at DESC, x.id DESC LIMIT %2$s';
    ELSE
        -- One ordered walk per state group, merged: the account's order index starts with the group.
        v_walk := 'SELECT x.id, x.last_activity_at FROM ('
            || '(SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account || ' AND c.sort_group = 0 AND %1$s'
            || v_rule || v_order || '%2$s) UNION ALL '
            || '(SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account || ' AND c.sort_group = 1 AND %1$s'
            || v_rule || v_order || '%2$s) UNION ALL '
            || '(SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account || ' AND c.sort_group = 2 AND %1$s'
            || v_rule || v_order || '%2$s)) x ORDER BY x.last_activity_at DESC, x.id DESC LIMIT %2$s';
    END IF;
    -- How many are expected to match in the viewer's profiles: for the words, the planner's estimate (the
    -- words column's statistics name the frequent ones; the statement is planned, never run; it names the
    -- account for a viewer of every profile, else the profiles and not the account, whose selectivity the
    -- planner would multiply with the profiles' although they imply it); for a substring, which has no statistics
    -- under row-level security, the contacts of the viewer's profiles that hold it, read up to one more than
    -- the threshold. The contacts are read whatever the words' estimate: the index path starts from them,
    -- and a walk tests each conversation's contact only when some contact holds the substring.
    IF v_words IS NOT NULL THEN
        EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM conversations c WHERE c.search_words @@ $1 AND '
                || CASE WHEN v_every_profile THEN 'c.account_id = $3' ELSE 'c.profile_id = ANY ($2)' END
            INTO v_plan USING v_words, p_profiles, public.current_account_id();
    END IF;
    IF v_pattern IS NOT NULL THEN
        EXECUTE 'SELECT ARRAY(SELECT k.id FROM contacts k WHERE k.account_id = public.current_account_id()'
            || ' AND public.inbox_contact_text(k.name, k.email, k.phone) LIKE $1'
            || CASE WHEN v_every_profile THEN '' ELSE ' AND k.profile_id = ANY ($2)' END || ' LIMIT $3)'
            INTO v_contacts USING v_pattern, p_profiles, p_walk_above_matches::integer + 1;
    END IF;
    IF coalesce((v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::real, 0) > p_walk_above_matches
            OR cardinality(v_contacts) > p_walk_above_matches THEN
        -- Read in the lists' order, never as bitmaps of every match sorted afterwards.
        PERFORM set_config('enable_bitmapscan', 'off', true);
        PERFORM set_config('enable_sort', 'off', true);
        IF v_words IS NOT NULL AND cardinality(v_contacts) = 0 THEN
            v_match := public.inbox_search_condition(v_words, NULL);
        END IF;
        RETURN QUERY EXECUTE format(v_walk, v_match, '$11')
            USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders,
                  p_after_time, p_after_id, p_rows;
        RETURN;
    END IF;
    -- Read from the words and contacts indexes as bitmaps, never by walking an ordered index.
    PERFORM set_config('enable_indexscan', 'off', true);
    RETURN QUERY EXECUTE 'SELECT x.id, x.last_activity_at FROM ('
            || concat_ws(' UNION ALL ', CASE WHEN v_words IS NOT NULL THEN public.inbox_search_by_words('$12', v_rule, v_order || '$11') END,
                         CASE WHEN v_pattern IS NOT NULL THEN public.inbox_search_by_contact('$13', v_rule, v_order || '$11') END)
            || ') x' || replace(v_order, 'c.', 'x.') || '$11'
        USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders,
              p_after_time, p_after_id, p_rows, public.inbox_search_indexed_words(p_search), v_contacts;
END
$$;
