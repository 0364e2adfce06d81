package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.text.TextOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations and their messages, of the current account (row-level security applies). The inbox's
 * pages are read by {@link InboxPages}, the unread flags kept by {@link UnreadFlags}.
 */
@Repository
public class ConversationStore {

    public record Conversation(UUID id, UUID profileId, UUID contactId, String contactName, String contactPhone, String state,
                               String outcome, UUID assigneeId, Instant lastActivityAt, String preview, boolean unread) {

        /** Where the inbox lists it for its viewer: new 0, open with unread 1, open 2, closed 3. */
        public int group() {
            return switch (state) {
                case "new" -> 0;
                case "open" -> unread ? 1 : 2;
                default -> 3;
            };
        }
    }

    /**
     * A message, with its media links (inbound), whether a lead sent it with a Leadbox form and from
     * which page (null when not known), and what became of its text (outbound and auto replies; null otherwise).
     */
    public record Message(UUID id, String kind, UUID authorId, String body, Instant createdAt, List<String> mediaUrls,
                          boolean fromLeadbox, String sourceUrl, Delivery delivery) {
    }

    /**
     * What became of an outbound text: the relay's state (queued, sending, sent, failed), the
     * provider's last report (null before one) and, when it failed, the code and the words why.
     */
    public record Delivery(String relayStatus, String providerStatus, String errorCode, String error) {

        /** The provider's last report decides when there is one; otherwise the relay's state. */
        public boolean failed() {
            return providerStatus != null ? "failed".equals(providerStatus) || "undelivered".equals(providerStatus)
                    : "failed".equals(relayStatus);
        }

        /** What the thread shows beside the text. */
        public String label() {
            if (failed()) {
                return providerStatus != null ? "Not delivered" : "Not sent";
            }
            if ("delivered".equals(providerStatus)) {
                return "Delivered";
            }
            return "sent".equals(relayStatus) || "sent".equals(providerStatus) ? "Sent" : "Sending…";
        }

        /** Why it failed, in the provider's (or the relay's) words, with the provider's code. */
        public String reason() {
            String words = error == null || error.isBlank() ? "The provider gave no reason." : error;
            return errorCode == null ? words : words + " (error " + errorCode + ")";
        }
    }

    /** Per holder and profile, how many open conversations the viewer sees. */
    record Held(UUID assigneeId, UUID profileId, int openConversations) {
    }

    private static final String FIND = """
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome,
                   c.assignee_id, c.last_activity_at, c.preview, false AS unread
            FROM conversations c WHERE c.id = :id""";
    private static final String OF_CONTACT = """
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome,
                   c.assignee_id, c.last_activity_at, c.preview,
                   EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id) AS unread
            FROM conversations c
            WHERE c.profile_id = ANY (:visibleProfiles) AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)
              AND c.contact_id = :contact
            ORDER BY c.last_activity_at DESC, c.id DESC""";
    private static final String OPEN_HELD_BY = """
            SELECT c.assignee_id, c.profile_id, count(*) FROM conversations c
            WHERE c.profile_id = ANY (:visibleProfiles) AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)
              AND c.account_id = :account AND c.assignee_id = ANY (:holders) AND c.state <> 'closed'
            GROUP BY c.assignee_id, c.profile_id""";
    private static final String OPEN_SEEN_OF_HOLDER = """
            SELECT c.id FROM conversations c
            WHERE c.account_id = :account AND c.assignee_id = :holder AND c.state <> 'closed'
              AND c.profile_id = ANY (:visibleProfiles) AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)
            ORDER BY c.sort_group, c.last_activity_at DESC, c.id DESC LIMIT :limit""";
    private static final String OPEN_OF_FOR_UPDATE = """
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome,
                   c.assignee_id, c.last_activity_at, c.preview, false AS unread
            FROM conversations c WHERE c.assignee_id = :from AND c.state <> 'closed' FOR UPDATE""";
    /** A conversation's eleven columns as {@link #conversation} reads them, after an UPDATE of it (unread: false). */
    private static final String RETURNING = "\nRETURNING c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state,"
            + " c.outcome, c.assignee_id, c.last_activity_at, c.preview, false";
    /** A message is the conversation's latest activity and preview; its words join the conversation's (V36). */
    private static final String ADD_MESSAGE = """
            UPDATE conversations c SET last_activity_at = :now, preview = left(:preview, 160), search_words = search_words || inbox_words(:body)
            WHERE id = :c""" + RETURNING;
    /** A note changes neither, but is searched too. */
    private static final String ADD_NOTE_WORDS = "UPDATE conversations c SET search_words = search_words || inbox_words(:body) WHERE id = :c"
            + RETURNING;

    static final String MEDIA_ONLY_PREVIEW = "Sent a picture or file";

    private final JdbcClient jdbc;
    private final TextOutbox outbox;

    ConversationStore(JdbcClient jdbc, TextOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    public Optional<Conversation> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(ConversationStore::conversation).optional();
    }

    List<Message> messages(UUID conversationId) {
        return jdbc.sql("""
                        SELECT m.id, m.kind, m.author_id, m.body, m.created_at, m.media_urls,
                               o.status, o.provider_status, o.error_code, o.last_error, m.source_url,
                               m.provider_message_id LIKE :leadbox AS from_leadbox
                        FROM messages m LEFT JOIN text_outbox o ON o.message_id = m.id
                        WHERE m.conversation_id = :c ORDER BY m.created_at, m.id""")
                .param("c", conversationId).param("leadbox", InboundTexts.LEADBOX_ID_PREFIX + "%")
                .query((rs, n) -> new Message(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), List.of((String[]) rs.getArray(6).getArray()),
                        rs.getBoolean(12), rs.getString(11), rs.getString(7) == null ? null : new Delivery(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))))
                .list();
    }

    Optional<UUID> liveConversationOf(UUID contactId) {
        return jdbc.sql("SELECT id FROM conversations WHERE contact_id = :k AND state <> 'closed'").param("k", contactId)
                .query(UUID.class).optional();
    }

    /**
     * A new conversation with its contact's name and phone (see {@code ContactStore.update}: the contact is
     * locked while they are copied, so an edit committing meanwhile reaches this conversation too).
     */
    void insert(UUID id, UUID accountId, UUID profileId, UUID contactId, Instant now) {
        jdbc.sql("""
                        INSERT INTO conversations (id, account_id, profile_id, contact_id, contact_name, contact_phone, contact_email,
                                                   state, last_activity_at, created_at)
                        SELECT :id, :a, :p, k.id, k.name, k.phone, k.email, 'new', :now, :now FROM contacts k WHERE k.id = :k FOR SHARE""")
                .param("id", id).param("a", accountId).param("p", profileId).param("k", contactId)
                .param("now", Timestamp.from(now)).update();
    }

    /** A lead's text as filed: its words (may be empty with media), provider's id, media links and the page it was sent from. */
    record FirstText(String body, String providerMessageId, List<String> mediaUrls, String sourceUrl) {
    }

    /** What {@link #insertWithFirstMessages} wrote that its caller did not choose: the text's message id, the contact's name and email. */
    record Opened(UUID inboundId, String contactName, String contactEmail) {
    }

    /**
     * A message written, and its conversation as that left it: the row is updated, so it stays locked until
     * the transaction ends and what it says holds until then.
     */
    record Written(UUID messageId, Conversation conversation) {
    }

    /** An assignment: who held the conversation just before it (read under the row's lock), and the conversation after. */
    record Assigned(UUID previousAssigneeId, Conversation conversation) {

        boolean changed() {
            return !java.util.Objects.equals(previousAssigneeId, conversation.assigneeId());
        }
    }

    /**
     * A new conversation (as {@link #insert}) together with its first text and, when {@code replyText} is
     * given, the auto reply that answers it (message {@code replyId}, at {@code replyAt}), in one statement:
     * the conversation is written once, with the activity, preview and words that {@link #insertInbound} and
     * then {@link #insertMessage} of the reply would have left it with (each rewrote the row and its ten indexes).
     * The messages' foreign keys are checked at the end of the statement, when the conversation is there.
     * The reply's text to {@code replyTo} goes on the text outbox in the same statement
     * ({@link TextOutbox#insertQueuedFor}); the caller then calls {@link TextOutbox#queuedInCallersStatement}.
     */
    Opened insertWithFirstMessages(UUID id, UUID accountId, UUID profileId, UUID contactId, FirstText text, Instant now,
                                   UUID replyId, String replyText, Instant replyAt, String replyTo) {
        boolean replied = replyText != null;
        UUID inboundId = UUID.randomUUID();
        String textPreview = text.body().isEmpty() ? MEDIA_ONLY_PREVIEW : text.body();
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        WITH conversation AS (
                          INSERT INTO conversations (id, account_id, profile_id, contact_id, contact_name, contact_phone, contact_email,
                                                     state, last_activity_at, created_at, preview, search_words)
                          SELECT :id, :a, :p, k.id, k.name, k.phone, k.email, 'new', :lastActivity, :now, left(:preview, 160),
                                 inbox_words(:body)""" + (replied ? " || inbox_words(:reply)" : "") + """

                          FROM contacts k WHERE k.id = :k FOR SHARE
                          RETURNING id, contact_name, contact_email),
                        inbound AS (
                          INSERT INTO messages (id, account_id, conversation_id, kind, author_id, body, created_at, provider_message_id,
                                                media_urls, source_url)
                          SELECT :inbound, :a, id, 'inbound', NULL, :body, :now, :provider, :media, :source FROM conversation)""" + (replied ? """
                        ,
                        reply AS (
                          INSERT INTO messages (id, account_id, conversation_id, kind, author_id, body, created_at, provider_message_id,
                                                media_urls, source_url)
                          SELECT :replyId, :a, id, 'auto_reply', NULL, :reply, :replyAt, NULL, '{}', NULL FROM conversation
                          RETURNING id),
                        queued AS (
                        """ + TextOutbox.insertQueuedFor("reply") + ")" : "") + """

                        SELECT contact_name, contact_email FROM conversation""")
                .param("id", id).param("a", accountId).param("p", profileId).param("k", contactId)
                .param("now", Timestamp.from(now)).param("lastActivity", Timestamp.from(replied ? replyAt : now))
                .param("preview", replied ? replyText : textPreview)
                .param("inbound", inboundId).param("body", text.body()).param("provider", text.providerMessageId())
                .param("media", text.mediaUrls().toArray(String[]::new)).param("source", text.sourceUrl())
                .param("replyId", replyId).param("reply", replyText).param("replyAt", replied ? Timestamp.from(replyAt) : null);
        if (replied) {
            // The reply's text on the outbox, due at once, as TextOutbox.queue would have queued it (created at the text's time).
            statement = outbox.bindQueued(statement, accountId, profileId, replyTo, replyText, now);
        }
        return statement.query((rs, n) -> new Opened(inboundId, rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new IllegalStateException("No contact " + contactId + " to open a conversation with"));
    }

    Written insertMessage(UUID accountId, UUID conversationId, String kind, UUID authorId, String body, Instant now) {
        return insertMessage(accountId, conversationId, kind, authorId, body, null, List.of(), null, now);
    }

    /** A text a lead sent, with the provider's id for it (null from the dev channel) and its media links. */
    Written insertInbound(UUID accountId, UUID conversationId, String body, String providerMessageId, List<String> mediaUrls,
                       String sourceUrl, Instant now) {
        return insertMessage(accountId, conversationId, "inbound", null, body, providerMessageId, mediaUrls, sourceUrl, now);
    }

    boolean isOutboundOf(UUID conversationId, UUID messageId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM messages WHERE id = :m AND conversation_id = :c AND kind IN ('outbound', 'auto_reply'))")
                .param("m", messageId).param("c", conversationId).query(Boolean.class).single();
    }

    private Written insertMessage(UUID accountId, UUID conversationId, String kind, UUID authorId, String body,
                                  String providerMessageId, List<String> mediaUrls, String sourceUrl, Instant now) {
        UUID id = UUID.randomUUID();
        // One statement, one round trip: the message, and what it changes in its conversation (nothing on
        // messages reads or writes conversations, so the two parts of the statement cannot see each other's rows).
        return jdbc.sql("""
                        WITH message AS (
                          INSERT INTO messages (id, account_id, conversation_id, kind, author_id, body, created_at, provider_message_id,
                                                media_urls, source_url)
                          VALUES (:id, :a, :c, :kind, :author, :body, :now, :provider, :media, :source))
                        """ + (kind.equals("note") ? ADD_NOTE_WORDS : ADD_MESSAGE))
                .param("id", id).param("a", accountId).param("c", conversationId).param("kind", kind)
                .param("author", authorId).param("body", body).param("now", Timestamp.from(now))
                .param("provider", providerMessageId).param("media", mediaUrls.toArray(String[]::new))
                .param("source", sourceUrl).param("preview", body.isEmpty() ? MEDIA_ONLY_PREVIEW : body)
                .query(ConversationStore::conversation).optional()
                .map(conversation -> new Written(id, conversation))
                .orElseThrow(() -> new IllegalStateException("No conversation " + conversationId + " to write in"));
    }

    /** The first human reply opens a new conversation; auto replies and notes don't. */
    void markOpen(UUID conversationId) {
        jdbc.sql("UPDATE conversations SET state = 'open' WHERE id = :c AND state = 'new'").param("c", conversationId).update();
    }

    /** @return who held it just before (read under the row's lock) and the conversation after; empty if it is gone */
    Optional<Assigned> assign(UUID conversationId, UUID assigneeId) {
        return jdbc.sql("""
                        UPDATE conversations c SET assignee_id = :a
                        FROM (SELECT id, assignee_id FROM conversations WHERE id = :c FOR UPDATE) before
                        WHERE c.id = before.id""" + RETURNING + ", before.assignee_id")
                .param("a", assigneeId).param("c", conversationId)
                .query((rs, n) -> new Assigned(rs.getObject(12, UUID.class), conversation(rs, n))).optional();
    }

    /** @return the conversation closed now; empty when it was closed already (by someone else meanwhile) */
    Optional<Conversation> close(UUID conversationId, String outcome) {
        return jdbc.sql("UPDATE conversations c SET state = 'closed', outcome = :o WHERE id = :c AND state <> 'closed'" + RETURNING)
                .param("o", outcome).param("c", conversationId).query(ConversationStore::conversation).optional();
    }

    /** Reopening is refused (false) while the contact has another live conversation in the profile. */
    boolean reopen(UUID conversationId) {
        return jdbc.sql("""
                        UPDATE conversations c SET state = 'open', outcome = NULL WHERE c.id = :c AND c.state = 'closed'
                        AND NOT EXISTS (SELECT 1 FROM conversations o WHERE o.contact_id = c.contact_id AND o.state <> 'closed')""")
                .param("c", conversationId).update() == 1;
    }

    /** A reminder fired: the conversation moves up as if something just happened. */
    void touch(UUID conversationId, Instant now) {
        jdbc.sql("UPDATE conversations SET last_activity_at = :now WHERE id = :c").param("now", Timestamp.from(now))
                .param("c", conversationId).update();
    }

    /**
     * The conversation moves to another profile, with that profile's contact (its name and phone copied as
     * {@link #insert} does), and a new assignee or none.
     */
    Conversation moveToProfile(UUID conversationId, UUID profileId, UUID contactId, UUID assigneeId) {
        return jdbc.sql("""
                        UPDATE conversations c SET profile_id = :p, contact_id = k.id, contact_name = k.name, contact_phone = k.phone,
                                                   contact_email = k.email,
                                                   assignee_id = :a
                        FROM (SELECT id, name, phone, email FROM contacts WHERE id = :k FOR SHARE) k WHERE c.id = :c""" + RETURNING)
                .param("p", profileId).param("k", contactId).param("a", assigneeId).param("c", conversationId)
                .query(ConversationStore::conversation).single();
    }

    /** The contact's conversations the viewer may see: the same rule as every list. */
    public List<Conversation> ofContact(Visibility visibility, UUID contactId) {
        return visibility.bind(jdbc.sql(OF_CONTACT)).param("contact", contactId).query(ConversationStore::conversation).list();
    }

    int openAssignedTo(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM conversations WHERE assignee_id = :u AND state <> 'closed'").param("u", userId)
                .query(Integer.class).single();
    }

    Set<UUID> profilesOfOpenAssignedTo(UUID userId) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT profile_id FROM conversations WHERE assignee_id = :u AND state <> 'closed'")
                .param("u", userId).query(UUID.class).list());
    }

    /** Per holder among {@code holders} and profile, how many open conversations the viewer sees. */
    List<Held> openHeldBy(Visibility visibility, Collection<UUID> holders) {
        return visibility.bind(jdbc.sql(OPEN_HELD_BY)).param("holders", holders.toArray(UUID[]::new))
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)))
                .list();
    }

    /** The holder's open conversations that the viewer sees, newest first (at most {@code limit}). */
    List<UUID> openSeenOf(Visibility visibility, UUID holder, int limit) {
        return visibility.bind(jdbc.sql(OPEN_SEEN_OF_HOLDER)).param("holder", holder).param("limit", limit).query(UUID.class).list();
    }

    /** @return the moved conversations as they were before, with their profiles */
    List<Conversation> transferOpen(UUID fromUserId, UUID toUserId) {
        List<Conversation> moving = jdbc.sql(OPEN_OF_FOR_UPDATE).param("from", fromUserId)
                .query(ConversationStore::conversation).list();
        jdbc.sql("UPDATE conversations SET assignee_id = :to WHERE assignee_id = :from AND state <> 'closed'")
                .param("to", toUserId).param("from", fromUserId).update();
        return moving;
    }

    /** A row of a conversation's ten columns and the unread flag, read by position (by name, the look-ups showed in profiles). */
    static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getBoolean(11));
    }
}
