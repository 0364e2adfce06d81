package com.leadline.inbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts, conversations and messages of the current account (row-level security applies). */
@Repository
class ConversationStore {

    enum Tab { ME, UNASSIGNED, ALL }

    record Conversation(UUID id, UUID profileId, UUID contactId, String contactName, String contactPhone, String state,
                        String outcome, UUID assigneeId, Instant lastActivityAt, String preview, boolean unread) {

        /** Where the inbox lists it for its viewer: new 0, open with unread 1, open 2, closed 3. */
        int group() {
            return switch (state) {
                case "new" -> 0;
                case "open" -> unread ? 1 : 2;
                default -> 3;
            };
        }
    }

    record Message(UUID id, String kind, UUID authorId, String body, Instant createdAt) {
    }

    /** Where the previous page ended: its last row's group, activity time and id. */
    record Cursor(int group, Instant lastActivityAt, UUID id) {
    }

    /** The columns of a {@link Conversation}, in the order {@link #conversation} reads them. */
    private static final String BASE_COLUMNS = """
            c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome,
            c.assignee_id, c.last_activity_at, c.preview""";
    private static final String UNREAD = "EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id)";
    /** The viewer's columns: with their unread flag (needs {@code :viewer}). */
    private static final String COLUMNS = BASE_COLUMNS + ", " + UNREAD + " AS unread";
    /** Above this many visible profiles, one ordered scan of the account beats merging each profile's rows. */
    private static final int MERGE_PROFILES_UP_TO = 8;

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String tabCondition(Tab tab) {
        return switch (tab) {
            case ME -> "c.assignee_id = :viewer AND c.state <> 'closed'";
            case UNASSIGNED -> "c.assignee_id IS NULL AND c.state <> 'closed'";
            case ALL -> "true";
        };
    }

    /**
     * What narrows a tab: a profile, an assignee (a user, or {@code unassignedOnly}), and a search over
     * the contact's name, phone and email and the messages' text. The visibility rule applies on top.
     */
    record Filter(UUID profileId, UUID assigneeId, boolean unassignedOnly, String search, java.util.Set<UUID> assigneeAmong) {

        static final Filter NONE = new Filter(null, null, false, "");

        Filter(UUID profileId, UUID assigneeId, boolean unassignedOnly, String search) {
            this(profileId, assigneeId, unassignedOnly, search, null);
        }

        /** Conversations held by any of these people (none when the set is empty). */
        static Filter heldByAnyOf(UUID profileId, java.util.Set<UUID> assignees, String search) {
            return new Filter(profileId, null, false, search, java.util.Set.copyOf(assignees));
        }
    }

    private static final String SEARCH = """
             AND (EXISTS (SELECT 1 FROM contacts s WHERE s.id = c.contact_id AND (strpos(lower(s.name), :search) > 0
                          OR strpos(coalesce(s.phone, ''), :search) > 0 OR strpos(lower(coalesce(s.email, '')), :search) > 0))
                  OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND strpos(lower(m.body), :search) > 0))""";

    /**
     * The conditions of the filters in use, and only those: a condition that a parameter switches off
     * (":profile IS NULL OR ...") leaves PostgreSQL to plan for either case.
     */
    private static String filterConditions(Filter filter) {
        return (filter.profileId() == null ? "" : " AND c.profile_id = :profile")
                + (filter.assigneeId() == null ? "" : " AND c.assignee_id = :assignee")
                + (filter.unassignedOnly() ? " AND c.assignee_id IS NULL" : "")
                + (filter.assigneeAmong() == null ? "" : " AND c.assignee_id = ANY (:assignees)")
                + (searchText(filter).isEmpty() ? "" : " " + SEARCH);
    }

    private static String searchText(Filter filter) {
        String search = filter.search() == null ? "" : filter.search().strip().toLowerCase(java.util.Locale.ROOT);
        return search.length() > 100 ? search.substring(0, 100) : search;
    }

    private static JdbcClient.StatementSpec bindFilter(JdbcClient.StatementSpec statement, Filter filter) {
        return statement.param("profile", filter.profileId()).param("assignee", filter.assigneeId())
                .param("assignees", filter.assigneeAmong() == null ? new UUID[0] : filter.assigneeAmong().toArray(UUID[]::new))
                .param("search", searchText(filter));
    }

    /**
     * One page of a tab in inbox order (new, open with unread, open, closed; newest activity first),
     * by keyset. Each group is read on its own so that every query follows an index in order, except Me's
     * two open groups: they are one person's open conversations, read together in one statement.
     *
     * <p>Run it in a {@link com.leadline.platform.GenericPlanReads}: planning these statements took
     * longer than running them (0.4 to 0.6 ms a statement on the benchmark's account, docs/BENCHMARKS.md).
     * With only the conditions in use and a fixed LIMIT in their text, their generic plans follow the same
     * indexes as the custom ones.
     */
    List<Conversation> page(Visibility visibility, Tab tab, Filter filter, Cursor after, int limit) {
        List<Conversation> rows = new java.util.ArrayList<>();
        int lastGroup = tab == Tab.ALL ? 3 : 2;
        int group = after == null ? 0 : after.group();
        while (group <= lastGroup && rows.size() < limit) {
            boolean openTogether = tab == Tab.ME && group >= 1;
            List<Conversation> read = openTogether ? pageOfOpenGroups(visibility, tab, filter, after, limit)
                    : pageOfGroup(visibility, tab, filter, group, cursorIn(group, after), limit);
            rows.addAll(read.subList(0, Math.min(read.size(), limit - rows.size())));
            group = openTogether ? 3 : group + 1;
        }
        return rows;
    }

    private static Cursor cursorIn(int group, Cursor after) {
        return after != null && after.group() == group ? after : null;
    }

    private List<Conversation> pageOfGroup(Visibility visibility, Tab tab, Filter filter, int group, Cursor after, int limit) {
        // The page's rows are chosen from conversations alone, in index order; only those few then get their
        // contact and unread flag (joined first, the planner may read the whole group and sort it). In the
        // open groups the flag is known.
        String unread = group == 1 ? "true" : group == 2 ? "false" : UNREAD;
        return pageRows("SELECT " + BASE_COLUMNS + ", " + unread + " AS unread FROM ("
                + rowsOfGroup(visibility, tab, filter, group, after, limit) + ") c"
                + " ORDER BY c.last_activity_at DESC, c.id DESC", visibility, filter, after);
    }

    /**
     * Me's two open groups in one pass over the person's open conversations (few, next to a page), sorted
     * unread first: walking them in index order once per group read them twice, and the unread group had to
     * walk them all to find out it was short.
     */
    private List<Conversation> pageOfOpenGroups(Visibility visibility, Tab tab, Filter filter, Cursor after, int limit) {
        String open = "SELECT c.id, c.last_activity_at, CASE WHEN " + UNREAD + " THEN 1 ELSE 2 END AS page_group"
                + " FROM conversations c WHERE " + shownInTab(visibility, tab, filter) + " AND c.sort_group = 1 AND c.account_id = :account";
        String keys = "SELECT o.* FROM (" + open + ") o"
                + (after == null ? "" : " WHERE (o.page_group > :afterGroup"
                        + " OR (o.page_group = :afterGroup AND (o.last_activity_at, o.id) < (:afterTime, :afterId)))")
                + " ORDER BY o.page_group, o.last_activity_at DESC, o.id DESC LIMIT " + limit;
        return pageRows("SELECT " + BASE_COLUMNS + ", c.page_group = 1 AS unread FROM (SELECT page.page_group, c.* FROM ("
                        + keys + ") page JOIN conversations c ON c.id = page.id) c"
                        + " ORDER BY c.page_group, c.last_activity_at DESC, c.id DESC", visibility, filter, after);
    }

    private List<Conversation> pageRows(String sql, Visibility visibility, Filter filter, Cursor after) {
        JdbcClient.StatementSpec statement = bindFilter(visibility.bind(jdbc.sql(sql)), filter)
                .param("pathProfiles", filter.profileId() != null ? new UUID[] {filter.profileId()}
                        : visibility.profiles().toArray(UUID[]::new));
        if (after != null) {
            statement = statement.param("afterGroup", after.group())
                    .param("afterTime", Timestamp.from(after.lastActivityAt())).param("afterId", after.id());
        }
        return statement.query(ConversationStore::conversation).list();
    }

    /** What a tab shows the viewer: the rule, the tab's condition and the filters in use. */
    private static String shownInTab(Visibility visibility, Tab tab, Filter filter) {
        return visibility.predicate() + " AND " + tabCondition(tab) + filterConditions(filter);
    }

    /**
     * The newest {@code limit} conversations of one group (after the cursor), unordered. Its statement has
     * its LIMIT in its text (one text per page size): see {@link #page}.
     */
    private static String rowsOfGroup(Visibility visibility, Tab tab, Filter filter, int group, Cursor after, int limit) {
        // With the assignee fixed (Me, or a filter), the assignee index has that person's conversations of the
        // whole account in order: the rule's profiles only filter them, and their unread ones are found on the way.
        boolean oneAssignee = tab == Tab.ME || filter.assigneeId() != null;
        // Otherwise the open conversations with unread start from the viewer's unread flags, which stay few.
        boolean fromFlags = group == 1 && !oneAssignee;
        String conditions = shownInTab(visibility, tab, filter)
                + " AND c.sort_group = " + (group == 0 ? 0 : group == 3 ? 2 : 1)
                + (fromFlags ? " AND c.id IN (SELECT u.conversation_id FROM conversation_unread u WHERE u.user_id = :viewer)" : "")
                + (group == 1 && !fromFlags ? " AND " + UNREAD : "")
                + (group == 2 ? " AND NOT " + UNREAD : "")
                + (after != null ? " AND (c.last_activity_at, c.id) < (:afterTime, :afterId)" : "");
        String order = " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT " + limit;
        if (fromFlags) {
            return "SELECT c.* FROM conversations c WHERE " + conditions + order;
        }
        if (!oneAssignee && (filter.profileId() != null || visibility.profiles().size() <= MERGE_PROFILES_UP_TO)) {
            // Each profile's newest keys in index order, merged, and only then the rows of the page. The keys
            // come from an index-only scan (the index carries every column the conditions test); reading whole
            // rows here, the generic plan mistook the row count and read and sorted each profile's group.
            return "SELECT c.* FROM (SELECT x.* FROM unnest(CAST(:pathProfiles AS uuid[])) AS p(id) CROSS JOIN LATERAL ("
                    + "SELECT c.id, c.last_activity_at FROM conversations c WHERE " + conditions + " AND c.profile_id = p.id"
                    + order + ") x ORDER BY x.last_activity_at DESC, x.id DESC LIMIT " + limit + ") page"
                    + " JOIN conversations c ON c.id = page.id";
        }
        if (oneAssignee) {
            // The walk skips the person's conversations that the unread condition or the rule leave out: only
            // the keys come from the index (index-only), and then only the page's rows are read.
            return "SELECT c.* FROM (SELECT c.id FROM conversations c WHERE " + conditions + " AND c.account_id = :account"
                    + order + ") page JOIN conversations c ON c.id = page.id";
        }
        return "SELECT c.* FROM conversations c WHERE " + conditions + " AND c.account_id = :account" + order;
    }

    /** Per tab, how many conversations the rule shows that are unread for the viewer: one pass over their flags. */
    java.util.Map<Tab, Integer> unreadCounts(Visibility visibility) {
        return visibility.bind(jdbc.sql("SELECT count(*) FILTER (WHERE " + tabCondition(Tab.ME) + "), count(*) FILTER (WHERE "
                        + tabCondition(Tab.UNASSIGNED) + "), count(*) FILTER (WHERE " + tabCondition(Tab.ALL) + ")"
                        + " FROM conversation_unread u JOIN conversations c ON c.id = u.conversation_id"
                        + " WHERE u.user_id = :viewer AND " + visibility.predicate()))
                .query((rs, n) -> java.util.Map.of(Tab.ME, rs.getInt(1), Tab.UNASSIGNED, rs.getInt(2), Tab.ALL, rs.getInt(3)))
                .single();
    }

    /** The conversation is unread again for these people (nothing for those who already have it unread). */
    void markUnread(UUID accountId, UUID conversationId, java.util.Collection<UUID> users) {
        if (users.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO conversation_unread (user_id, conversation_id, account_id)
                        SELECT u, :c, :a FROM unnest(CAST(:users AS uuid[])) AS u ON CONFLICT DO NOTHING""")
                .param("c", conversationId).param("a", accountId).param("users", users.toArray(UUID[]::new)).update();
    }

    void markRead(UUID userId, UUID conversationId) {
        jdbc.sql("DELETE FROM conversation_unread WHERE user_id = :u AND conversation_id = :c").param("u", userId)
                .param("c", conversationId).update();
    }

    Optional<Conversation> find(UUID id) {
        return jdbc.sql("SELECT " + BASE_COLUMNS + ", false AS unread FROM conversations c WHERE c.id = :id")
                .param("id", id).query(ConversationStore::conversation).optional();
    }

    List<Message> messages(UUID conversationId) {
        return jdbc.sql("SELECT id, kind, author_id, body, created_at FROM messages WHERE conversation_id = :c ORDER BY created_at, id")
                .param("c", conversationId)
                .query((rs, n) -> new Message(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    Optional<UUID> contactByPhone(UUID profileId, String phone) {
        return jdbc.sql("SELECT id FROM contacts WHERE profile_id = :p AND phone = :phone").param("p", profileId)
                .param("phone", phone).query(UUID.class).optional();
    }

    void insertContact(UUID id, UUID accountId, UUID profileId, String phone, Instant now) {
        jdbc.sql("INSERT INTO contacts (id, account_id, profile_id, phone, created_at) VALUES (:id, :a, :p, :phone, :now)")
                .param("id", id).param("a", accountId).param("p", profileId).param("phone", phone)
                .param("now", Timestamp.from(now)).update();
    }

    Optional<UUID> liveConversationOf(UUID contactId) {
        return jdbc.sql("SELECT id FROM conversations WHERE contact_id = :k AND state <> 'closed'").param("k", contactId)
                .query(UUID.class).optional();
    }

    /**
     * A new conversation with its contact's name and phone (see {@link #updateContact}: the contact is
     * locked while they are copied, so an edit committing meanwhile reaches this conversation too).
     */
    void insertConversation(UUID id, UUID accountId, UUID profileId, UUID contactId, Instant now) {
        jdbc.sql("""
                        INSERT INTO conversations (id, account_id, profile_id, contact_id, contact_name, contact_phone, state,
                                                   last_activity_at, created_at)
                        SELECT :id, :a, :p, k.id, k.name, k.phone, 'new', :now, :now FROM contacts k WHERE k.id = :k FOR SHARE""")
                .param("id", id).param("a", accountId).param("p", profileId).param("k", contactId)
                .param("now", Timestamp.from(now)).update();
    }

    UUID insertMessage(UUID accountId, UUID conversationId, String kind, UUID authorId, String body, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO messages (id, account_id, conversation_id, kind, author_id, body, created_at)
                        VALUES (:id, :a, :c, :kind, :author, :body, :now)""")
                .param("id", id).param("a", accountId).param("c", conversationId).param("kind", kind)
                .param("author", authorId).param("body", body).param("now", Timestamp.from(now)).update();
        if (!kind.equals("note")) {
            jdbc.sql("UPDATE conversations SET last_activity_at = :now, preview = left(:body, 160) WHERE id = :c")
                    .param("now", Timestamp.from(now)).param("body", body).param("c", conversationId).update();
        }
        return id;
    }

    /** The first human reply opens a new conversation; auto replies and notes don't. */
    void markOpen(UUID conversationId) {
        jdbc.sql("UPDATE conversations SET state = 'open' WHERE id = :c AND state = 'new'").param("c", conversationId).update();
    }

    void assign(UUID conversationId, UUID assigneeId) {
        jdbc.sql("UPDATE conversations SET assignee_id = :a WHERE id = :c").param("a", assigneeId).param("c", conversationId)
                .update();
    }

    void close(UUID conversationId, String outcome) {
        jdbc.sql("UPDATE conversations SET state = 'closed', outcome = :o WHERE id = :c AND state <> 'closed'")
                .param("o", outcome).param("c", conversationId).update();
    }

    /** Reopening is refused (false) while the contact has another live conversation in the profile. */
    boolean reopen(UUID conversationId) {
        return jdbc.sql("""
                        UPDATE conversations c SET state = 'open', outcome = NULL WHERE c.id = :c AND c.state = 'closed'
                        AND NOT EXISTS (SELECT 1 FROM conversations o WHERE o.contact_id = c.contact_id AND o.state <> 'closed')""")
                .param("c", conversationId).update() == 1;
    }

    record Contact(UUID id, UUID profileId, String name, String phone, String email, String notes) {
    }

    Optional<Contact> contact(UUID id) {
        return jdbc.sql("SELECT id, profile_id, name, phone, email, notes FROM contacts WHERE id = :id").param("id", id)
                .query(ConversationStore::contact).optional();
    }

    /**
     * Contacts of these profiles, by name (lower case) then id, matching a search; after a keyset cursor:
     * the name and id of the last contact of the previous page (the database lower-cases the name).
     */
    List<Contact> contacts(java.util.Set<UUID> profiles, String search, String afterName, UUID afterId, int limit) {
        String text = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("""
                        SELECT id, profile_id, name, phone, email, notes FROM contacts
                        WHERE profile_id = ANY (:profiles)
                          AND (:search = '' OR strpos(lower(name), :search) > 0 OR strpos(coalesce(phone, ''), :search) > 0
                               OR strpos(lower(coalesce(email, '')), :search) > 0)
                          AND (CAST(:afterName AS text) IS NULL OR (lower(name), id) > (lower(:afterName), :afterId))
                        ORDER BY lower(name), id LIMIT :limit""")
                .param("profiles", profiles.toArray(UUID[]::new)).param("search", text.length() > 100 ? text.substring(0, 100) : text)
                .param("afterName", afterName).param("afterId", afterId == null ? new UUID(0, 0) : afterId).param("limit", limit)
                .query(ConversationStore::contact)
                .list();
    }

    /** The contact and the copy of its name and phone on each of its conversations (which inbox lists show). */
    void updateContact(UUID id, String name, String phone, String email, String notes) {
        jdbc.sql("UPDATE contacts SET name = :name, phone = :phone, email = :email, notes = :notes WHERE id = :id")
                .param("name", name).param("phone", phone, java.sql.Types.VARCHAR).param("email", email, java.sql.Types.VARCHAR)
                .param("notes", notes).param("id", id).update();
        jdbc.sql("UPDATE conversations SET contact_name = :name, contact_phone = :phone WHERE contact_id = :id")
                .param("name", name).param("phone", phone, java.sql.Types.VARCHAR).param("id", id).update();
    }

    /**
     * A contact with what the viewer may see of its conversations: how many, and the state of the one with
     * the latest activity (null when the rule shows none).
     */
    record ContactSummary(Contact contact, int conversations, String latestState, String latestOutcome, Instant latestActivityAt) {
    }

    /**
     * One batch of contacts of these profiles in the contacts list's order, after a keyset cursor (as
     * {@link #contacts}), each counted through the visibility rule's predicate.
     */
    List<ContactSummary> contactSummaries(Visibility visibility, java.util.Set<UUID> profiles, String afterName, UUID afterId,
                                          int limit) {
        return visibility.bind(jdbc.sql("""
                        SELECT k.id, k.profile_id, k.name, k.phone, k.email, k.notes,
                               (SELECT count(*) FROM conversations c WHERE c.contact_id = k.id AND %1$s) AS visible_conversations,
                               latest.state, latest.outcome, latest.last_activity_at
                        FROM contacts k
                        LEFT JOIN LATERAL (SELECT c.state, c.outcome, c.last_activity_at FROM conversations c
                                           WHERE c.contact_id = k.id AND %1$s
                                           ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 1) latest ON true
                        WHERE k.profile_id = ANY (:profiles)
                          AND (CAST(:afterName AS text) IS NULL OR (lower(k.name), k.id) > (lower(:afterName), :afterId))
                        ORDER BY lower(k.name), k.id LIMIT :limit""".formatted(visibility.predicate())))
                .param("profiles", profiles.toArray(UUID[]::new)).param("afterName", afterName)
                .param("afterId", afterId == null ? new UUID(0, 0) : afterId).param("limit", limit)
                .query((rs, n) -> {
                    Timestamp latest = rs.getTimestamp("last_activity_at");
                    return new ContactSummary(contact(rs, n), rs.getInt("visible_conversations"), rs.getString("state"),
                            rs.getString("outcome"), latest == null ? null : latest.toInstant());
                })
                .list();
    }

    /** The contact's conversations the viewer may see: the same rule as every list. */
    List<Conversation> conversationsOf(Visibility visibility, UUID contactId) {
        return visibility.bind(jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE "
                        + visibility.predicate() + " AND c.contact_id = :contact ORDER BY c.last_activity_at DESC, c.id DESC"))
                .param("contact", contactId).query(ConversationStore::conversation).list();
    }

    int openAssignedTo(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM conversations WHERE assignee_id = :u AND state <> 'closed'").param("u", userId)
                .query(Integer.class).single();
    }

    java.util.Set<UUID> profilesOfOpenAssignedTo(UUID userId) {
        return java.util.Set.copyOf(jdbc.sql("SELECT DISTINCT profile_id FROM conversations WHERE assignee_id = :u AND state <> 'closed'")
                .param("u", userId).query(UUID.class).list());
    }

    record Held(UUID assigneeId, UUID profileId, int openConversations) {
    }

    /** Per holder among {@code holders} and profile, how many open conversations the viewer sees. */
    List<Held> openHeldBy(Visibility visibility, java.util.Collection<UUID> holders) {
        return visibility.bind(jdbc.sql("SELECT c.assignee_id, c.profile_id, count(*) FROM conversations c WHERE "
                        + visibility.predicate() + " AND c.account_id = :account AND c.assignee_id = ANY (:holders)"
                        + " AND c.state <> 'closed' GROUP BY c.assignee_id, c.profile_id"))
                .param("holders", holders.toArray(UUID[]::new))
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)))
                .list();
    }

    /** @return the moved conversations and their profiles */
    List<Conversation> transferOpen(UUID fromUserId, UUID toUserId) {
        List<Conversation> moving = jdbc.sql("SELECT " + BASE_COLUMNS + ", false AS unread FROM conversations c"
                        + " WHERE c.assignee_id = :from AND c.state <> 'closed' FOR UPDATE")
                .param("from", fromUserId).query(ConversationStore::conversation).list();
        jdbc.sql("UPDATE conversations SET assignee_id = :to WHERE assignee_id = :from AND state <> 'closed'")
                .param("to", toUserId).param("from", fromUserId).update();
        return moving;
    }

    /**
     * The conversation moves to another profile, with that profile's contact (its name and phone copied as
     * {@link #insertConversation} does), and a new assignee or none.
     */
    void moveToProfile(UUID conversationId, UUID profileId, UUID contactId, UUID assigneeId) {
        jdbc.sql("""
                        UPDATE conversations c SET profile_id = :p, contact_id = k.id, contact_name = k.name, contact_phone = k.phone,
                                                   assignee_id = :a
                        FROM (SELECT id, name, phone FROM contacts WHERE id = :k FOR SHARE) k WHERE c.id = :c""")
                .param("p", profileId).param("k", contactId).param("a", assigneeId).param("c", conversationId).update();
    }

    /** The same person as a contact of another profile: name, phone, email and notes carried over. */
    void copyContact(ConversationStore.Contact contact, UUID id, UUID accountId, UUID profileId, Instant now) {
        jdbc.sql("""
                        INSERT INTO contacts (id, account_id, profile_id, name, phone, email, notes, created_at)
                        VALUES (:id, :a, :p, :name, :phone, :email, :notes, :now)""")
                .param("id", id).param("a", accountId).param("p", profileId).param("name", contact.name())
                .param("phone", contact.phone()).param("email", contact.email()).param("notes", contact.notes())
                .param("now", Timestamp.from(now)).update();
    }

    record Reminder(UUID id, UUID conversationId, Instant dueAt, String note, UUID setBy, Instant firedAt) {
    }

    private static final String REMINDER_COLUMNS = "id, conversation_id, due_at, note, set_by, fired_at";

    void insertReminder(UUID id, UUID accountId, UUID conversationId, Instant dueAt, String note, UUID setBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO reminders (id, account_id, conversation_id, due_at, note, set_by, created_at)
                        VALUES (:id, :a, :c, :due, :note, :by, :now)""")
                .param("id", id).param("a", accountId).param("c", conversationId).param("due", Timestamp.from(dueAt))
                .param("note", note).param("by", setBy).param("now", Timestamp.from(now)).update();
    }

    List<Reminder> reminders(UUID conversationId) {
        return jdbc.sql("SELECT " + REMINDER_COLUMNS + " FROM reminders WHERE conversation_id = :c ORDER BY due_at, id")
                .param("c", conversationId).query(ConversationStore::reminder).list();
    }

    /** A pending reminder is cancelled; false if there is none of that id on the conversation. */
    boolean deletePendingReminder(UUID conversationId, UUID reminderId) {
        return jdbc.sql("DELETE FROM reminders WHERE id = :r AND conversation_id = :c AND fired_at IS NULL")
                .param("r", reminderId).param("c", conversationId).update() == 1;
    }

    /** The accounts that have reminders due: the firing job's only look across accounts. */
    List<UUID> accountsWithDueReminders(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM inbox_accounts_with_due_reminders(:now, :limit)")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** Due reminders of the current account, locked for this transaction; rows another node holds are skipped. */
    List<Reminder> claimDueReminders(Instant now, int limit) {
        return jdbc.sql("SELECT " + REMINDER_COLUMNS + " FROM reminders WHERE fired_at IS NULL AND due_at <= :now"
                        + " ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now)).param("limit", limit).query(ConversationStore::reminder).list();
    }

    /** The reminder fired: marked so, and its conversation moves up as if something just happened. */
    void fire(Reminder reminder, Instant now) {
        jdbc.sql("UPDATE reminders SET fired_at = :now WHERE id = :r").param("now", Timestamp.from(now))
                .param("r", reminder.id()).update();
        jdbc.sql("UPDATE conversations SET last_activity_at = :now WHERE id = :c").param("now", Timestamp.from(now))
                .param("c", reminder.conversationId()).update();
    }

    private static Reminder reminder(ResultSet rs, int row) throws SQLException {
        Timestamp fired = rs.getTimestamp("fired_at");
        return new Reminder(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getTimestamp("due_at").toInstant(), rs.getString("note"), rs.getObject("set_by", UUID.class),
                fired == null ? null : fired.toInstant());
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("profile_id", UUID.class), rs.getString("name"),
                rs.getString("phone"), rs.getString("email"), rs.getString("notes"));
    }

    /** A row of {@link #BASE_COLUMNS} and the unread flag, read by position (by name, the look-ups showed in profiles). */
    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getBoolean(11));
    }
}
