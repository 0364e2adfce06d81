-- Indexed search of the inbox and the contacts (issue 15; ADR 6 says why through functions owned by
-- leadline_lookup). This migration only adds columns (no table rewrite: no default on the existing rows)
-- and functions; V37 fills the columns account by account and builds the indexes concurrently.
--
-- A conversation carries the words of all its messages and notes (search_words: lower case, accents
-- removed, no positions, so it stays as small as the conversation's vocabulary), added by the statement
-- that adds a message (ConversationStore.insertMessage), and its contact's email beside the name and phone
-- it already carries (V32), so that one row answers whether a conversation matches a search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

ALTER TABLE conversations ADD COLUMN search_words tsvector, ADD COLUMN contact_email text;
-- Rows made from now on start with no words; the existing ones stay NULL until V37 fills them.
ALTER TABLE conversations ALTER COLUMN search_words SET DEFAULT ''::tsvector;

-- Text as search compares it: lower case, accents removed. unaccent() is only STABLE because its
-- dictionary could be changed; named explicitly, it is fixed, so the wrapper may be IMMUTABLE and indexed.
CREATE FUNCTION inbox_fold(p_text text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, p_text)) $$;

-- The words of a message: the 'simple' configuration (no stemming, no stop words) on the folded text.
CREATE FUNCTION inbox_words(p_body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT strip(to_tsvector('simple'::regconfig, public.inbox_fold(p_body))) $$;

-- What a substring search of a contact looks in: name, email and phone, folded, in one text (one index).
CREATE FUNCTION inbox_contact_text(p_name text, p_email text, p_phone text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT public.inbox_fold(coalesce(p_name, '') || ' ' || coalesce(p_email, '') || ' ' || coalesce(p_phone, '')) $$;

-- The words of a search as a query: every word must be there, the last one as a prefix (it may be
-- unfinished). Words are read by the same parser as the messages; whatever the text holds (&, |, !, :*,
-- quotes, backslashes) is only text. NULL when the search has no word.
CREATE FUNCTION inbox_search_query(p_search text) RETURNS tsquery
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
    SELECT string_agg('''' || replace(replace(w.lexeme, '\', '\\'), '''', '''''') || ''''
                          || CASE WHEN w.n = w.last THEN ':*' ELSE '' END, ' & ' ORDER BY w.n)::tsquery
    FROM (SELECT d.lexemes[1] AS lexeme, d.n, max(d.n) OVER () AS last
          FROM ts_debug('simple'::regconfig, public.inbox_fold(p_search)) WITH ORDINALITY
               AS d(alias, description, token, dictionaries, dictionary, lexemes, n)
          WHERE d.lexemes[1] <> '') w
$$;

-- The substring a contact's text must hold, as a LIKE pattern: the digits alone when the search looks
-- like a phone number ("555 0100" finds +15550100), else the folded text; NULL when shorter than three
-- characters, which a trigram index cannot look up.
CREATE FUNCTION inbox_contact_pattern(p_search text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN length(t) >= 3 THEN '%' || replace(replace(replace(t, '\', '\\'), '%', '\%'), '_', '\_') || '%' END
    FROM (SELECT CASE WHEN p_search ~ '^[0-9 ()+./-]+$' THEN regexp_replace(p_search, '[^0-9]', '', 'g')
                      ELSE btrim(public.inbox_fold(p_search)) END AS t) s
$$;

-- The condition a search puts on a conversation c, as one of three fixed texts (the search itself is
-- always a parameter: $1 its words, $2 its contact pattern); NULL when it has neither.
CREATE FUNCTION inbox_search_condition(p_words tsquery, p_pattern text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN p_words IS NOT NULL AND p_pattern IS NOT NULL
            THEN '(c.search_words @@ $1 OR public.inbox_contact_text(c.contact_name, c.contact_email, c.contact_phone) LIKE $2)'
        WHEN p_words IS NOT NULL THEN 'c.search_words @@ $1'
        WHEN p_pattern IS NOT NULL THEN 'public.inbox_contact_text(c.contact_name, c.contact_email, c.contact_phone) LIKE $2' END
$$;

-- Search reads through leadline_lookup, whose policies are the constant true, so that the planner may
-- use the indexes (ADR 6); every statement in the functions below names the account itself.
GRANT SELECT (id, account_id, profile_id, assignee_id, sort_group, last_activity_at, search_words,
              contact_name, contact_email, contact_phone) ON conversations TO leadline_lookup;
CREATE POLICY lookup_search ON conversations FOR SELECT TO leadline_lookup USING (true);
GRANT SELECT (id, account_id, profile_id, name, phone, email) ON contacts TO leadline_lookup;
CREATE POLICY lookup_search ON contacts FOR SELECT TO leadline_lookup USING (true);

-- The visibility rule and the tab's holders on a conversation c, as one fixed text over the parameters
-- that both conversation search functions number alike: $3 the viewer's profiles, $4 whether they see
-- conversations assigned to others, $5 the viewer (Visibility binds the three for every list), $6 one
-- holder, $7 unassigned only, $8 any of these holders.
CREATE FUNCTION inbox_search_rule() RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT ' AND c.profile_id = ANY ($3) AND ($4 OR c.assignee_id IS NULL OR c.assignee_id = $5)'
           ' AND ($6::uuid IS NULL OR c.assignee_id = $6) AND (NOT $7 OR c.assignee_id IS NULL)'
           ' AND ($8::uuid[] IS NULL OR c.assignee_id = ANY ($8))'
$$;

-- Inside the search functions, parallel workers and sequential scans are off: a parallel walk started
-- workers to find one row, and a sequential scan under a LIMIT reads the table in physical order, which
-- after V37 (it rewrote every row) meant reading hundreds of megabytes of emptied pages before the
-- matches (47 ms for a count that an index walk makes in 2 ms).
--
-- One page of the conversations matching a search, newest activity first, after the keyset cursor:
-- only conversations of the current account (never a parameter), in the viewer's profiles, through the
-- visibility rule (Visibility: p_profiles, p_sees_assigned_to_others, p_viewer) and the tab's and
-- filter's holders (one person, nobody, or any of a set). Two ways to read them, chosen by how many
-- are expected to match: up to p_walk_above_matches, through the indexes, then sorted; more, by walking
-- the viewer's conversations newest first and keeping the matching ones until the page is full (ADR 6
-- says why, docs/BENCHMARKS.md measures both).
CREATE FUNCTION inbox_search_conversations(
    p_search text, p_profiles uuid[], p_sees_assigned_to_others boolean, p_viewer uuid,
    p_holder uuid, p_unassigned_only boolean, p_holders uuid[],
    p_after_time timestamptz, p_after_id uuid, p_rows integer, p_walk_above_matches real)
    RETURNS TABLE (id uuid, last_activity_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 SET enable_seqscan = off SET enable_bitmapscan = on
AS $$
DECLARE
    v_words constant tsquery := public.inbox_search_query(p_search);
    v_pattern constant text := public.inbox_contact_pattern(p_search);
    v_match constant text := public.inbox_search_condition(v_words, v_pattern);
    v_rule constant text := public.inbox_search_rule() || ' AND (c.last_activity_at, c.id) < ($9, $10)';
    v_order constant text := ' ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ';
    v_account constant text := 'c.account_id = public.current_account_id()';
    -- The viewer's conversations newest first, keeping those that meet %1$s, %2$s of them at most.
    v_walk text;
    v_stream text;
    v_plan json;
    v_contacts bigint := 0;
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
    -- How many conversations match: for the words, the planner's estimate (the words column's statistics
    -- name the frequent ones); for a substring, which has no statistics under row-level security (the
    -- planner guessed 1,713 where 18,000 matched), the contacts of the viewer's profiles that hold it,
    -- counted up to the limit through their trigram index.
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM conversations c WHERE ' || v_account || ' AND c.search_words @@ $1'
        || ' AND c.profile_id = ANY ($2)' INTO v_plan USING v_words, p_profiles;
    IF v_pattern IS NOT NULL THEN
        EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM contacts k WHERE k.account_id = public.current_account_id()'
            || ' AND public.inbox_contact_text(k.name, k.email, k.phone) LIKE $1 AND k.profile_id = ANY ($2) LIMIT $3) x'
            INTO v_contacts USING v_pattern, p_profiles, p_walk_above_matches::integer + 1;
    END IF;
    IF coalesce((v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::real, 0) > p_walk_above_matches OR v_contacts > p_walk_above_matches THEN
        -- A walk stays a walk: planned with bitmap scans, each state group read every match of the account.
        PERFORM set_config('enable_bitmapscan', 'off', true);
        RETURN QUERY EXECUTE format(v_walk, v_match, '$11')
            USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders,
                  p_after_time, p_after_id, p_rows;
        RETURN;
    END IF;
    RETURN QUERY EXECUTE 'SELECT c.id, c.last_activity_at FROM conversations c WHERE ' || v_account || ' AND ' || v_match || v_rule
            || v_order || '$11'
        USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders,
              p_after_time, p_after_id, p_rows;
END
$$;
ALTER FUNCTION inbox_search_conversations(text, uuid[], boolean, uuid, uuid, boolean, uuid[], timestamptz, uuid, integer, real)
    OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION inbox_search_conversations(text, uuid[], boolean, uuid, uuid, boolean, uuid[], timestamptz, uuid, integer, real)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_search_conversations(text, uuid[], boolean, uuid, uuid, boolean, uuid[], timestamptz, uuid, integer, real)
    TO ${app_role};

-- How many conversations match a search through the same rule and holders, counted up to p_cap (the
-- inbox shows "1,000+" beyond a thousand). The planner chooses between the indexes and a walk itself:
-- without an order to keep, it stops at p_cap either way.
CREATE FUNCTION inbox_count_search(
    p_search text, p_profiles uuid[], p_sees_assigned_to_others boolean, p_viewer uuid,
    p_holder uuid, p_unassigned_only boolean, p_holders uuid[], p_cap integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 SET enable_seqscan = off
AS $$
DECLARE
    v_words constant tsquery := public.inbox_search_query(p_search);
    v_pattern constant text := public.inbox_contact_pattern(p_search);
    v_match constant text := public.inbox_search_condition(v_words, v_pattern);
    v_count integer;
BEGIN
    IF v_match IS NULL THEN
        RETURN 0;
    END IF;
    EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM conversations c WHERE c.account_id = public.current_account_id() AND ' || v_match
        || public.inbox_search_rule() || ' LIMIT $9) x'
        INTO v_count
        USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders, p_cap;
    RETURN v_count;
END
$$;
ALTER FUNCTION inbox_count_search(text, uuid[], boolean, uuid, uuid, boolean, uuid[], integer) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION inbox_count_search(text, uuid[], boolean, uuid, uuid, boolean, uuid[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_count_search(text, uuid[], boolean, uuid, uuid, boolean, uuid[], integer) TO ${app_role};

-- One page of the Contacts list matching a search: contacts of the current account in the given profiles,
-- by lower-case name then id after the keyset cursor. The planner chooses between the trigram index and a
-- walk of the name index.
CREATE FUNCTION inbox_search_contacts(p_search text, p_profiles uuid[], p_after_name text, p_after_id uuid, p_rows integer)
    RETURNS SETOF uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 SET enable_seqscan = off
AS $$
DECLARE
    v_pattern constant text := public.inbox_contact_pattern(p_search);
BEGIN
    IF v_pattern IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY EXECUTE 'SELECT k.id FROM contacts k WHERE k.account_id = public.current_account_id()'
        ' AND public.inbox_contact_text(k.name, k.email, k.phone) LIKE $1 AND k.profile_id = ANY ($2)'
        ' AND ($3::text IS NULL OR (lower(k.name), k.id) > (lower($3), $4)) ORDER BY lower(k.name), k.id LIMIT $5'
        USING v_pattern, p_profiles, p_after_name, p_after_id, p_rows;
END
$$;
ALTER FUNCTION inbox_search_contacts(text, uuid[], text, uuid, integer) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION inbox_search_contacts(text, uuid[], text, uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_search_contacts(text, uuid[], text, uuid, integer) TO ${app_role};
