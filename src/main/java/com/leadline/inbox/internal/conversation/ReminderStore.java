package com.leadline.inbox.internal.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reminders on conversations, of the current account (row-level security applies), except the one look across accounts. */
@Repository
public class ReminderStore {

    public record Reminder(UUID id, UUID conversationId, Instant dueAt, String note, UUID setBy, Instant firedAt) {
    }

    private static final String INSERT = """
            INSERT INTO reminders (id, account_id, conversation_id, due_at, note, set_by, created_at)
            VALUES (:id, :a, :c, :due, :note, :by, :now)""";
    private static final String OF_CONVERSATION = """
            SELECT id, conversation_id, due_at, note, set_by, fired_at FROM reminders
            WHERE conversation_id = :c ORDER BY due_at, id""";
    private static final String CLAIM_DUE = """
            SELECT id, conversation_id, due_at, note, set_by, fired_at FROM reminders
            WHERE fired_at IS NULL AND due_at <= :now ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED""";

    private final JdbcClient jdbc;

    ReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID accountId, UUID conversationId, Instant dueAt, String note, UUID setBy, Instant now) {
        jdbc.sql(INSERT).param("id", id).param("a", accountId).param("c", conversationId).param("due", Timestamp.from(dueAt))
                .param("note", note).param("by", setBy).param("now", Timestamp.from(now)).update();
    }

    List<Reminder> of(UUID conversationId) {
        return jdbc.sql(OF_CONVERSATION).param("c", conversationId).query(ReminderStore::reminder).list();
    }

    /** A pending reminder is cancelled; false if there is none of that id on the conversation. */
    boolean deletePending(UUID conversationId, UUID reminderId) {
        return jdbc.sql("DELETE FROM reminders WHERE id = :r AND conversation_id = :c AND fired_at IS NULL")
                .param("r", reminderId).param("c", conversationId).update() == 1;
    }

    /** The accounts that have reminders due: the firing job's only look across accounts. */
    List<UUID> accountsWithDue(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM inbox_accounts_with_due_reminders(:now, :limit)")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** Due reminders of the current account, locked for this transaction; rows another node holds are skipped. */
    List<Reminder> claimDue(Instant now, int limit) {
        return jdbc.sql(CLAIM_DUE).param("now", Timestamp.from(now)).param("limit", limit).query(ReminderStore::reminder).list();
    }

    void markFired(Reminder reminder, Instant now) {
        jdbc.sql("UPDATE reminders SET fired_at = :now WHERE id = :r").param("now", Timestamp.from(now))
                .param("r", reminder.id()).update();
    }

    private static Reminder reminder(ResultSet rs, int row) throws SQLException {
        Timestamp fired = rs.getTimestamp("fired_at");
        return new Reminder(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getTimestamp("due_at").toInstant(), rs.getString("note"), rs.getObject("set_by", UUID.class),
                fired == null ? null : fired.toInstant());
    }
}
