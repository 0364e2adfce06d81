package com.leadline.inbox.internal.conversation;

/**
 * How {@link InboxPages} reads a group of a page: one complete statement per way, chosen by which index
 * suits the tab, the filters and the viewer. The walks stay index-only where they can: the indexes carry
 * every column their conditions test. Where one person's conversations are walked, the rule's profiles
 * are written {@code (...) IS TRUE}: a filter on that person's rows, which the planner cannot turn into
 * an index condition; as one, it chose the per-profile assignee index and probed it once per profile (a
 * hundred times for an owner). Every statement reads {@link InboxPages#ROWS_READ} rows at most.
 */
enum PagePath {

    /** Each visible profile's newest keys in index order (index-only), merged; only then the page's rows. */
    PER_PROFILE("""
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id, c.last_activity_at,
                   c.preview, CASE WHEN :anyReadState THEN EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id) ELSE :unread END
            FROM (SELECT x.id FROM unnest(CAST(:visibleProfiles AS uuid[])) AS p(id) CROSS JOIN LATERAL (
                    SELECT c.id, c.last_activity_at FROM conversations c
                    WHERE c.profile_id = p.id AND c.sort_group = :sortGroup AND (c.last_activity_at, c.id) < (:afterTime, :afterId)
                      AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer) AND (NOT :unassignedOnly OR c.assignee_id IS NULL)
                      AND (NOT :someAssignees OR c.assignee_id = ANY (:assignees))
                      AND (:anyReadState OR :unread = EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id))
                    ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 51) x
                  ORDER BY x.last_activity_at DESC, x.id DESC LIMIT 51) page
            JOIN conversations c ON c.id = page.id
            ORDER BY c.last_activity_at DESC, c.id DESC"""),

    /**
     * One ordered walk of the whole account, for people who see more profiles than merging suits. The
     * unread flag is looked up for the page's rows only, outside the walk: inside it, the planner counted
     * on many rows and read all the viewer's flags into a hash for every page.
     */
    ACCOUNT("""
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id, c.last_activity_at,
                   c.preview, CASE WHEN :anyReadState THEN EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id) ELSE :unread END
            FROM (SELECT c.* FROM conversations c
                  WHERE c.account_id = :account AND c.sort_group = :sortGroup AND (c.last_activity_at, c.id) < (:afterTime, :afterId)
                    AND c.profile_id = ANY (:visibleProfiles) AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)
                    AND (NOT :unassignedOnly OR c.assignee_id IS NULL) AND (NOT :someAssignees OR c.assignee_id = ANY (:assignees))
                    AND (:anyReadState OR :unread = EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id))
                  ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 51) c
            ORDER BY c.last_activity_at DESC, c.id DESC"""),

    /**
     * One person's conversations of the whole account, in the assignee index's order: the rule's profiles
     * only filter them, and the unread ones are found on the way. Only the keys come from the index. (A
     * team member reads only their own: {@code InboxPages} leaves no one else's to them.)
     */
    ONE_ASSIGNEE("""
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id, c.last_activity_at,
                   c.preview, CASE WHEN :anyReadState THEN EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id) ELSE :unread END
            FROM (SELECT c.id FROM conversations c
                  WHERE c.account_id = :account AND c.assignee_id = :assignee AND c.sort_group = :sortGroup
                    AND (c.last_activity_at, c.id) < (:afterTime, :afterId) AND (c.profile_id = ANY (:visibleProfiles)) IS TRUE
                    AND (:anyReadState OR :unread = EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id))
                  ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 51) page
            JOIN conversations c ON c.id = page.id
            ORDER BY c.last_activity_at DESC, c.id DESC"""),

    /** Open with unread, when nobody in particular holds them: from the viewer's unread flags, which stay few. */
    FROM_FLAGS("""
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id,
                   c.last_activity_at, c.preview, true
            FROM conversations c
            WHERE c.id IN (SELECT u.conversation_id FROM conversation_unread u WHERE u.user_id = :viewer)
              AND c.sort_group = 1 AND (c.last_activity_at, c.id) < (:afterTime, :afterId)
              AND c.profile_id = ANY (:visibleProfiles) AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)
              AND (NOT :unassignedOnly OR c.assignee_id IS NULL) AND (NOT :someAssignees OR c.assignee_id = ANY (:assignees))
            ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 51"""),

    /**
     * Me's two open groups in one pass over the person's open conversations (few, next to a page), sorted
     * unread first: walking them in index order once per group read them twice, and the unread group had
     * to walk them all to find out it was short. Materialized, so that each one's flag is looked up once
     * (inlined, the cursor's test and the order each looked it up again).
     */
    OPEN_GROUPS("""
            WITH held AS MATERIALIZED (
                SELECT c.id, c.last_activity_at,
                       CASE WHEN EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id)
                            THEN 1 ELSE 2 END AS page_group
                FROM conversations c
                WHERE c.account_id = :account AND c.assignee_id = :assignee AND c.sort_group = 1
                  AND (c.profile_id = ANY (:visibleProfiles)) IS TRUE)
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id,
                   c.last_activity_at, c.preview, page.page_group = 1
            FROM (SELECT h.id, h.page_group FROM held h
                  WHERE h.page_group > :afterGroup OR (h.page_group = :afterGroup AND (h.last_activity_at, h.id) < (:afterTime, :afterId))
                  ORDER BY h.page_group, h.last_activity_at DESC, h.id DESC LIMIT 51) page
            JOIN conversations c ON c.id = page.id
            ORDER BY page.page_group, c.last_activity_at DESC, c.id DESC""");

    final String sql;

    PagePath(String sql) {
        this.sql = sql;
    }
}
