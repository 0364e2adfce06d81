package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Inbox's pages: one page of a tab in inbox order (new, open with unread, open, closed; newest
 * activity first), by keyset. Each group is read on its own so that every statement follows an index in
 * order, except Me's two open groups: one person's open conversations, read together in one statement.
 * Which index a group is read from decides the statement ({@link PagePath}); the filters are parameters of
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
     * text ({@link InboxSearch} reads a page with one). The visibility rule applies on top.
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
    static final Cursor START = new Cursor(0, Instant.parse("9999-12-31T00:00:00Z"), new UUID(0, 0));
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
        Query query = new Query(visibility.narrowedTo(filter.profileId()), holders);
        List<Conversation> rows = new ArrayList<>();
        int lastGroup = tab == Tab.ALL ? 3 : 2;
        int group = after == null ? 0 : after.group();
        while (group <= lastGroup && rows.size() < limit) {
            boolean openTogether = tab == Tab.ME && group >= 1;
            List<Conversation> read = openTogether ? query.read(jdbc, PagePath.OPEN_GROUPS, group, after)
                    : query.read(jdbc, query.pathOf(group), group, after != null && after.group() == group ? after : null);
            rows.addAll(read.subList(0, Math.min(read.size(), limit - rows.size())));
            group = openTogether ? 3 : group + 1;
        }
        return rows;
    }

    /**
     * Whose conversations the tab and the filter leave, as at most one condition: one person's (Me, or a
     * chosen assignee), nobody's (Unassigned), or any of a set; null when they contradict each other or
     * the rule (a team member sees no one else's).
     */
    record Holders(UUID one, boolean unassignedOnly, Set<UUID> among) {

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

    /** One page's reading: the rule narrowed to the filter's profile, and whose conversations. */
    private record Query(Visibility visibility, Holders holders) {

        PagePath pathOf(int group) {
            if (holders.one() != null) {
                return PagePath.ONE_ASSIGNEE;
            }
            if (group == 1) {
                return PagePath.FROM_FLAGS;
            }
            return visibility.profiles().size() <= MERGE_PROFILES_UP_TO ? PagePath.PER_PROFILE : PagePath.ACCOUNT;
        }

        /**
         * The optional conditions are switched on and off by boolean parameters: a generic plan counts an
         * unknown boolean as true for half the rows, where {@code :x IS NULL} or {@code :x = ''} would count
         * for almost none and make the planner read a whole group and sort it instead of walking an index.
         */
        List<Conversation> read(JdbcClient jdbc, PagePath path, int group, Cursor after) {
            Cursor from = after == null ? START : after;
            return visibility.bind(jdbc.sql(path.sql))
                    .param("sortGroup", group == 0 ? 0 : group == 3 ? 2 : 1)
                    .param("anyReadState", group != 1 && group != 2).param("unread", group == 1)
                    .param("assignee", holders.one() == null ? new UUID(0, 0) : holders.one())
                    .param("unassignedOnly", holders.unassignedOnly())
                    .param("someAssignees", holders.among() != null)
                    .param("assignees", holders.among() == null ? new UUID[0] : holders.among().toArray(UUID[]::new))
                    .param("afterGroup", from.group()).param("afterTime", Timestamp.from(from.lastActivityAt())).param("afterId", from.id())
                    .query(ConversationStore::conversation).list();
        }
    }
}
