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
                        String outcome, UUID assigneeId, Instant lastActivityAt, String preview, int sortGroup) {
    }

    record Message(UUID id, String kind, UUID authorId, String body, Instant createdAt) {
    }

    record Cursor(int sortGroup, Instant lastActivityAt, UUID id) {
    }

    private static final String COLUMNS = """
            c.id, c.profile_id, c.contact_id, k.name AS contact_name, k.phone AS contact_phone, c.state, c.outcome,
            c.assignee_id, c.last_activity_at, c.preview, c.sort_group""";

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
    record Filter(UUID profileId, UUID assigneeId, boolean unassignedOnly, String search) {

        static final Filter NONE = new Filter(null, null, false, "");
    }

    private static final String FILTER = """
             AND (CAST(:profile AS uuid) IS NULL OR c.profile_id = :profile)
             AND (CAST(:assignee AS uuid) IS NULL OR c.assignee_id = :assignee)
             AND (NOT :unassignedOnly OR c.assignee_id IS NULL)
             AND (:search = '' OR strpos(lower(k.name), :search) > 0 OR strpos(coalesce(k.phone, ''), :search) > 0
                  OR strpos(lower(coalesce(k.email, '')), :search) > 0
                  OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND strpos(lower(m.body), :search) > 0))""";

    private static JdbcClient.StatementSpec bindFilter(JdbcClient.StatementSpec statement, Filter filter) {
        String search = filter.search() == null ? "" : filter.search().strip().toLowerCase(java.util.Locale.ROOT);
        return statement.param("profile", filter.profileId()).param("assignee", filter.assigneeId())
                .param("unassignedOnly", filter.unassignedOnly()).param("search", search.length() > 100 ? search.substring(0, 100) : search);
    }

    /** One page of a tab, in inbox order (new, open, closed; newest activity first), by keyset. */
    List<Conversation> page(Visibility visibility, Tab tab, Filter filter, Cursor after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE "
                + Visibility.predicate() + " AND " + tabCondition(tab) + " " + FILTER
                + (after == null ? "" : " AND (c.sort_group > :afterGroup OR (c.sort_group = :afterGroup AND "
                        + "(c.last_activity_at < :afterTime OR (c.last_activity_at = :afterTime AND c.id < :afterId))))")
                + " ORDER BY c.sort_group, c.last_activity_at DESC, c.id DESC LIMIT :limit";
        JdbcClient.StatementSpec statement = bindFilter(visibility.bind(jdbc.sql(sql)), filter).param("limit", limit);
        if (after != null) {
            statement = statement.param("afterGroup", after.sortGroup()).param("afterTime", Timestamp.from(after.lastActivityAt()))
                    .param("afterId", after.id());
        }
        return statement.query(ConversationStore::conversation).list();
    }

    int count(Visibility visibility, Tab tab) {
        return visibility.bind(jdbc.sql("SELECT count(*) FROM conversations c WHERE " + Visibility.predicate() + " AND "
                + tabCondition(tab))).query(Integer.class).single();
    }

    Optional<Conversation> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = :id")
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

    void insertConversation(UUID id, UUID accountId, UUID profileId, UUID contactId, Instant now) {
        jdbc.sql("""
                        INSERT INTO conversations (id, account_id, profile_id, contact_id, state, last_activity_at, created_at)
                        VALUES (:id, :a, :p, :k, 'new', :now, :now)""")
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
                .query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** Contacts of these profiles, by name then id, after a keyset cursor, matching a search. */
    List<Contact> contacts(java.util.Set<UUID> profiles, String search, String afterName, UUID afterId, int limit) {
        String text = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("""
                        SELECT id, profile_id, name, phone, email, notes FROM contacts
                        WHERE profile_id = ANY (:profiles)
                          AND (:search = '' OR strpos(lower(name), :search) > 0 OR strpos(coalesce(phone, ''), :search) > 0
                               OR strpos(lower(coalesce(email, '')), :search) > 0)
                          AND (CAST(:afterName AS text) IS NULL OR (lower(name), id) > (:afterName, :afterId))
                        ORDER BY lower(name), id LIMIT :limit""")
                .param("profiles", profiles.toArray(UUID[]::new)).param("search", text.length() > 100 ? text.substring(0, 100) : text)
                .param("afterName", afterName).param("afterId", afterId == null ? new UUID(0, 0) : afterId).param("limit", limit)
                .query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The contact's conversations the viewer may see: the same rule as every list. */
    List<Conversation> conversationsOf(Visibility visibility, UUID contactId) {
        return visibility.bind(jdbc.sql("SELECT " + COLUMNS + " FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE "
                        + Visibility.predicate() + " AND c.contact_id = :contact ORDER BY c.last_activity_at DESC, c.id DESC"))
                .param("contact", contactId).query(ConversationStore::conversation).list();
    }

    int openAssignedTo(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM conversations WHERE assignee_id = :u AND state <> 'closed'").param("u", userId)
                .query(Integer.class).single();
    }

    void transferOpen(UUID fromUserId, UUID toUserId) {
        jdbc.sql("UPDATE conversations SET assignee_id = :to WHERE assignee_id = :from AND state <> 'closed'")
                .param("to", toUserId).param("from", fromUserId).update();
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getObject("id", UUID.class), rs.getObject("profile_id", UUID.class),
                rs.getObject("contact_id", UUID.class), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("state"), rs.getString("outcome"), rs.getObject("assignee_id", UUID.class),
                rs.getTimestamp("last_activity_at").toInstant(), rs.getString("preview"), rs.getInt("sort_group"));
    }
}
