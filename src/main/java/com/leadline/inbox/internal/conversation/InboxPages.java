package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Inbox's pages: one page of a tab in inbox order (new, open with unread, open, closed; newest
 * activity first), by keyset. Each group is read on its own so that every statement follows an index in
 * order, except Me's two open groups: one person's open conversations, read together in one statement.
 * Which index a group is read from decides the statement ({@link Path}); the filters are parameters of
 * each, tested on rows the index has already narrowed.
 *
 * <p>Run it in a {@link com.leadline.platform.GenericPlanReads}: planning these statements took longer
 * than running them (docs/BENCHMARKS.md); their generic plans follow the same indexes as custom ones.
 */
@Repository
public class InboxPages {

    /** Where the previous page ended: its last row's group, activity time and id. */
    public record Cursor(int group, Instant lastActivityAt, UUID id) {
    }

    /**
     * What narrows a tab: a profile, an assignee (a user, or {@code unassignedOnly}, or any of
     * {@code assigneeAmong}), and a search over the contact's name, phone and email and the messages'
     * text. The visibility rule applies on top.
     */
    public record Filter(UUID profileId, UUID assigneeId, boolean unassignedOnly, String search, Set<UUID> assigneeAmong) {

        public static final Filter NONE = new Filter(null, null, false, "");

        public Filter(UUID profileId, UUID assigneeId, boolean unassignedOnly, String search) {
            this(profileId, assigneeId, unassignedOnly, search, null);
        }

        /** Conversations held by any of these people (none when the set is empty). */
        public static Filter heldByAnyOf(UUID profileId, Set<UUID> assignees, String search) {
            return new Filter(profileId, null, false, search, Set.copyOf(assignees));
        }
    }

    /**
     * How many rows a statement reads of one group: a page and one row more, which tells whether another
     * page follows ({@link InboxReads#PAGE_SIZE} + 1). It is in the statements' text, not a parameter: with
     * an unknown LIMIT a generic plan is made for fetching a tenth of the rows, and sorts instead of walking.
     */
    static final int ROWS_READ = 51;
    /** The first page's cursor: after it comes every conversation (none has activity that late). */
    private static final Cursor START = new Cursor(0, Instant.parse("9999-12-31T00:00:00Z"), new UUID(0, 0));
    /** Above this many visible profiles, one ordered scan of the account beats merging each profile's rows. */
    private static final int MERGE_PROFILES_UP_TO = 8;

    private final JdbcClient jdbc;

    InboxPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows (at most {@link #ROWS_READ}) of the tab after the cursor (null: from the start). */
    public List<Conversation> page(Visibility visibility, Tab tab, Filter filter, Cursor after, int limit) {
        if (limit > ROWS_READ) {
            throw new IllegalArgumentException("A page reads at most " + ROWS_READ + " rows");
        }
        Holders holders = Holders.of(tab, filter, visibility);
        if (holders == null) {
            return List.of();
        }
        Query query = new Query(visibility.narrowedTo(filter.profileId()), holders, searchText(filter));
        List<Conversation> rows = new ArrayList<>();
        int lastGroup = tab == Tab.ALL ? 3 : 2;
        int group = after == null ? 0 : after.group();
        while (group <= lastGroup && rows.size() < limit) {
            boolean openTogether = tab == Tab.ME && group >= 1;
            List<Conversation> read = openTogether ? query.read(jdbc, Path.OPEN_GROUPS, group, after)
                    : query.read(jdbc, query.pathOf(group), group, after != null && after.group() == group ? after : null);
            rows.addAll(read.subList(0, Math.min(read.size(), limit - rows.size())));
            group = openTogether ? 3 : group + 1;
        }
        return rows;
    }

    private static String searchText(Filter filter) {
        String search = filter.search() == null ? "" : filter.search().strip().toLowerCase(Locale.ROOT);
        return search.length() > 100 ? search.substring(0, 100) : search;
    }

    /**
     * Whose conversations the tab and the filter leave, as at most one condition: one person's (Me, or a
     * chosen assignee), nobody's (Unassigned), or any of a set; null when they contradict each other or
     * the rule (a team member sees no one else's).
     */
    private record Holders(UUID one, boolean unassignedOnly, Set<UUID> among) {

        static Holders of(Tab tab, Filter filter, Visibility visibility) {
            UUID viewer = visibility.viewer();
            UUID one = tab == Tab.ME ? viewer : filter.assigneeId();
            boolean unassignedOnly = tab == Tab.UNASSIGNED || filter.unassignedOnly();
            Set<UUID> among = filter.assigneeAmong();
            boolean contradicting = (tab == Tab.ME && filter.assigneeId() != null && !filter.assigneeId().equals(viewer))
                    || (one != null && !visibility.seesAssignedToOthers() && !one.equals(viewer))
                    || (unassignedOnly && (one != null || among != null)) || (one != null && among != null && !among.contains(one));
            return contradicting ? null : new Holders(one, unassignedOnly, one != null ? null : among);
        }
    }

    /** One page's reading: the rule narrowed to the filter's profile, whose conversations, and the search. */
    private record Query(Visibility visibility, Holders holders, String search) {

        Path pathOf(int group) {
            if (holders.one() != null) {
                return Path.ONE_ASSIGNEE;
            }
            if (group == 1) {
                return Path.FROM_FLAGS;
            }
            return visibility.profiles().size() <= MERGE_PROFILES_UP_TO ? Path.PER_PROFILE : Path.ACCOUNT;
        }

        /**
         * The optional conditions are switched on and off by boolean parameters: a generic plan counts an
         * unknown boolean as true for half the rows, where {@code :x IS NULL} or {@code :x = ''} would count
         * for almost none and make the planner read a whole group and sort it instead of walking an index.
         */
        List<Conversation> read(JdbcClient jdbc, Path path, int group, Cursor after) {
            Cursor from = after == null ? START : after;
            return visibility.bind(jdbc.sql(path.sql))
                    .param("sortGroup", group == 0 ? 0 : group == 3 ? 2 : 1)
                    .param("anyReadState", group != 1 && group != 2).param("unread", group == 1)
                    .param("assignee", holders.one()).param("unassignedOnly", holders.unassignedOnly())
                    .param("someAssignees", holders.among() != null)
                    .param("assignees", holders.among() == null ? new UUID[0] : holders.among().toArray(UUID[]::new))
                    .param("searching", !search.isEmpty()).param("search", search)
                    .param("afterGroup", from.group()).param("afterTime", Timestamp.from(from.lastActivityAt())).param("afterId", from.id())
                    .query(ConversationStore::conversation).list();
        }
    }

    /**
     * The statements, one per way of reading a group. The search reaches the contact through the
     * conversation's id, so the walks stay index-only (the indexes carry every other column they test).
     * Where one person's conversations are walked, the rule's profiles are written {@code (...) IS TRUE}:
     * a filter on that person's rows, which the planner cannot turn into an index condition; as one, it
     * chose the per-profile assignee index and probed it once per profile (a hundred times for an owner).
     */
    private enum Path {

        /** Each visible profile's newest keys in index order (index-only), merged; only then the page's rows. */
        PER_PROFILE("""
                SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id, c.last_activity_at,
                       c.preview, CASE WHEN :anyReadState THEN EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id) ELSE :unread END
                FROM (SELECT x.id FROM unnest(CAST(:visibleProfiles AS uuid[])) AS p(id) CROSS JOIN LATERAL (
                        SELECT c.id, c.last_activity_at FROM conversations c
                        WHERE c.profile_id = p.id AND c.sort_group = :sortGroup AND (c.last_activity_at, c.id) < (:afterTime, :afterId)
                          AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer) AND (NOT :unassignedOnly OR c.assignee_id IS NULL)
                          AND (NOT :someAssignees OR c.assignee_id = ANY (:assignees))
                          AND (NOT :searching OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND strpos(lower(m.body), :search) > 0)
                               OR EXISTS (SELECT 1 FROM conversations k JOIN contacts s ON s.id = k.contact_id WHERE k.id = c.id
                                          AND (strpos(lower(s.name), :search) > 0 OR strpos(coalesce(s.phone, ''), :search) > 0 OR strpos(lower(coalesce(s.email, '')), :search) > 0)))
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
                        AND (NOT :searching OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND strpos(lower(m.body), :search) > 0)
                             OR EXISTS (SELECT 1 FROM conversations k JOIN contacts s ON s.id = k.contact_id WHERE k.id = c.id
                                        AND (strpos(lower(s.name), :search) > 0 OR strpos(coalesce(s.phone, ''), :search) > 0 OR strpos(lower(coalesce(s.email, '')), :search) > 0)))
                        AND (:anyReadState OR :unread = EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id))
                      ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 51) c
                ORDER BY c.last_activity_at DESC, c.id DESC"""),

        /**
         * One person's conversations of the whole account, in the assignee index's order: the rule's profiles
         * only filter them, and the unread ones are found on the way. Only the keys come from the index. (A
         * team member reads only their own: {@link Holders} leaves no one else's to them.)
         */
        ONE_ASSIGNEE("""
                SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id, c.last_activity_at,
                       c.preview, CASE WHEN :anyReadState THEN EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id) ELSE :unread END
                FROM (SELECT c.id FROM conversations c
                      WHERE c.account_id = :account AND c.assignee_id = :assignee AND c.sort_group = :sortGroup
                        AND (c.last_activity_at, c.id) < (:afterTime, :afterId) AND (c.profile_id = ANY (:visibleProfiles)) IS TRUE
                        AND (NOT :searching OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND strpos(lower(m.body), :search) > 0)
                             OR EXISTS (SELECT 1 FROM conversations k JOIN contacts s ON s.id = k.contact_id WHERE k.id = c.id
                                        AND (strpos(lower(s.name), :search) > 0 OR strpos(coalesce(s.phone, ''), :search) > 0 OR strpos(lower(coalesce(s.email, '')), :search) > 0)))
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
                  AND (NOT :searching OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND strpos(lower(m.body), :search) > 0)
                       OR EXISTS (SELECT 1 FROM contacts s WHERE s.id = c.contact_id
                                  AND (strpos(lower(s.name), :search) > 0 OR strpos(coalesce(s.phone, ''), :search) > 0 OR strpos(lower(coalesce(s.email, '')), :search) > 0)))
                ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 51"""),

        /**
         * Me's two open groups in one pass over the person's open conversations (few, next to a page), sorted
         * unread first: walking them in index order once per group read them twice, and the unread group had
         * to walk them all to find out it was short.
         */
        OPEN_GROUPS("""
                SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id,
                       c.last_activity_at, c.preview, page.page_group = 1
                FROM (SELECT o.id, o.page_group
                      FROM (SELECT c.id, c.last_activity_at,
                                   CASE WHEN EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id)
                                        THEN 1 ELSE 2 END AS page_group
                            FROM conversations c
                            WHERE c.account_id = :account AND c.assignee_id = :assignee AND c.sort_group = 1
                              AND (c.profile_id = ANY (:visibleProfiles)) IS TRUE
                              AND (NOT :searching OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND strpos(lower(m.body), :search) > 0)
                                   OR EXISTS (SELECT 1 FROM conversations k JOIN contacts s ON s.id = k.contact_id WHERE k.id = c.id
                                              AND (strpos(lower(s.name), :search) > 0 OR strpos(coalesce(s.phone, ''), :search) > 0 OR strpos(lower(coalesce(s.email, '')), :search) > 0)))) o
                      WHERE o.page_group > :afterGroup OR (o.page_group = :afterGroup AND (o.last_activity_at, o.id) < (:afterTime, :afterId))
                      ORDER BY o.page_group, o.last_activity_at DESC, o.id DESC LIMIT 51) page
                JOIN conversations c ON c.id = page.id
                ORDER BY page.page_group, c.last_activity_at DESC, c.id DESC""");

        private final String sql;

        Path(String sql) {
            this.sql = sql;
        }
    }
}
