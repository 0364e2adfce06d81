package com.leadline.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notification_preferences rows of the current account (row-level security applies), in the caller's
 * transaction. Only explicit choices are stored; an absent row or a NULL column is "the default"
 * ({@link Recipients} works it out).
 */
@Component
class Preferences {

    /** A person's stored choices: null where they never chose. */
    record Stored(Boolean assignmentEmail, NewLeadChoice newLead) {
        static final Stored NONE = new Stored(null, null);
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Stored of(UUID userId) {
        return ofAll(java.util.List.of(userId)).getOrDefault(userId, Stored.NONE);
    }

    Map<UUID, Stored> ofAll(Collection<UUID> userIds) {
        Map<UUID, Stored> found = new HashMap<>();
        if (userIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT user_id, assignment_email, new_lead_email FROM notification_preferences
                        WHERE user_id = ANY (:users)""")
                .param("users", userIds.toArray(UUID[]::new))
                .query((rs, n) -> found.put(rs.getObject(1, UUID.class), new Stored(
                        (Boolean) rs.getObject(2), Optional.ofNullable(rs.getString(3)).flatMap(NewLeadChoice::fromCode).orElse(null))))
                .list();
        return found;
    }

    void save(UUID accountId, UUID userId, boolean assignmentEmail, NewLeadChoice newLead, Instant now) {
        jdbc.sql("""
                        INSERT INTO notification_preferences (account_id, user_id, assignment_email, new_lead_email, updated_at)
                        VALUES (:a, :u, :assignment, :newLead, :now)
                        ON CONFLICT (account_id, user_id) DO UPDATE
                        SET assignment_email = :assignment, new_lead_email = :newLead, updated_at = :now""")
                .param("a", accountId).param("u", userId).param("assignment", assignmentEmail)
                .param("newLead", newLead.code).param("now", Timestamp.from(now))
                .update();
    }

    /** Turns one kind off, keeping the other choice as it was (stored or default). */
    void turnOff(UUID accountId, UUID userId, NotificationKind kind, Instant now) {
        String column = kind == NotificationKind.ASSIGNMENT ? "assignment_email" : "new_lead_email";
        String off = kind == NotificationKind.ASSIGNMENT ? "false" : "'off'";
        jdbc.sql("""
                        INSERT INTO notification_preferences (account_id, user_id, %1$s, updated_at)
                        VALUES (:a, :u, %2$s, :now)
                        ON CONFLICT (account_id, user_id) DO UPDATE SET %1$s = %2$s, updated_at = :now""".formatted(column, off))
                .param("a", accountId).param("u", userId).param("now", Timestamp.from(now))
                .update();
        if (kind == NotificationKind.NEW_LEAD) {
            clearDigest(userId);
        }
    }

    void clearDigest(UUID userId) {
        jdbc.sql("DELETE FROM notification_digest_entries WHERE user_id = :u").param("u", userId).update();
    }
}
