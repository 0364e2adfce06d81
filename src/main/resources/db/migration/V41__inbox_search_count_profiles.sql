-- Search, fourth pass (issue 15): a count for a viewer of many profiles checks the profile on the rows it
-- reads instead of reading the profiles' index. The admin's count of a medium word (20 profiles) took the
-- words index's bitmap (23,450 conversations) and ANDed it with the bitmap of their profiles in
-- conversations_inbox_idx (200,000 entries, about 25 ms) before stopping at 1,001: 34 ms, against 16.5
-- with the profile tested on the rows. A team member's few profiles are worth reading from the index
-- (11 ms against 24-27 without), hence up to 8 profiles, as the walk chooses (V38).

-- The visibility rule and the tab's holders on a conversation c (V38, V40), the profile test written so
-- that the planner may read it from an index (p_profiles_from_index) or only check it on the rows it
-- reads ((...) IS TRUE: the same test, which no index takes).
CREATE FUNCTION inbox_search_rule(p_profiles text, p_profiles_from_index boolean) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(CASE WHEN p_profiles_from_index THEN ' AND c.profile_id = ANY (' || p_profiles || ')'
                         ELSE ' AND (c.profile_id = ANY (' || p_profiles || ')) IS TRUE' END, '')
           || ' AND ($4 OR c.assignee_id IS NULL OR c.assignee_id = $5)'
           ' AND ($6::uuid IS NULL OR c.assignee_id = $6) AND (NOT $7 OR c.assignee_id IS NULL)'
           ' AND ($8::uuid[] IS NULL OR c.assignee_id = ANY ($8))'
$$;

CREATE OR REPLACE FUNCTION inbox_search_rule(p_profiles text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT public.inbox_search_rule(p_profiles, true)
$$;

-- How many conversations match a search (V38), a viewer of more than 8 profiles having them checked on the rows.
CREATE OR REPLACE FUNCTION inbox_count_search(
    p_search text, p_profiles uuid[], p_sees_assigned_to_others boolean, p_viewer uuid,
    p_holder uuid, p_unassigned_only boolean, p_holders uuid[], p_cap integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 SET enable_seqscan = off
AS $$
DECLARE
    v_words constant tsquery := public.inbox_search_query(p_search);
    v_pattern constant text := public.inbox_contact_pattern(p_search);
    v_rule constant text := public.inbox_search_rule('$3', cardinality(p_profiles) <= 8);
    v_by_words integer := 0;
    v_by_contact integer := 0;
BEGIN
    IF v_words IS NOT NULL THEN
        EXECUTE 'SELECT count(*) FROM (' || public.inbox_search_by_words('$10', v_rule, ' LIMIT $9') || ') x'
            INTO v_by_words
            USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders, p_cap,
                  public.inbox_search_indexed_words(p_search);
    END IF;
    IF v_pattern IS NOT NULL AND v_by_words < p_cap THEN
        EXECUTE 'SELECT count(*) FROM (' || public.inbox_search_by_contact(NULL, v_rule, ' LIMIT $9') || ') x'
            INTO v_by_contact
            USING v_words, v_pattern, p_profiles, p_sees_assigned_to_others, p_viewer, p_holder, p_unassigned_only, p_holders,
                  p_cap - v_by_words;
    END IF;
    RETURN v_by_words + v_by_contact;
END
$$;
