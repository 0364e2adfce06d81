package com.leadline.integrations.internal.endpoints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the deliveries of the account's endpoints (the outbox the relay works through, which is also each
 * endpoint's delivery log) with their latest attempt, and the account's contacts syncs. Writes only syncs:
 * deliveries are written through {@code WebhookOutbox}.
 */
@Repository
public class WebhookDeliveryLog {

    /** A delivery as its log shows it: the latest attempt's answer (null before the first attempt). */
    public record Delivery(long id, String messageId, String eventType, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
                    Instant finishedAt, Instant attemptedAt, Integer statusCode, Integer durationMs, String response, String error) {
    }

    /** What a resend copies. */
    record Original(long id, String messageId, String eventType, UUID orderingKey, String payload) {
    }

    public record Sync(UUID id, UUID endpointId, Instant startedAt, int queued, UUID cursor, Instant finishedAt, String error) {

        public boolean running() {
            return finishedAt == null;
        }
    }

    private static final String PAGE = """
            SELECT d.id, d.message_id, d.event_type, d.status, d.attempts, d.created_at, d.next_attempt_at, d.finished_at,
                   a.attempted_at, a.status_code, a.duration_ms, a.response, a.error
            FROM webhook_deliveries d
            LEFT JOIN LATERAL (SELECT attempted_at, status_code, duration_ms, response, error FROM webhook_attempts t
                               WHERE t.account_id = d.account_id AND t.delivery_id = d.id ORDER BY t.id DESC LIMIT 1) a ON true
            WHERE d.endpoint_id = :endpoint AND (CAST(:before AS bigint) IS NULL OR d.id < CAST(:before AS bigint))
            ORDER BY d.id DESC LIMIT :limit""";
    private static final String LATEST_OF_EACH = """
            SELECT e.id AS endpoint_id, d.* FROM webhook_endpoints e
            JOIN LATERAL (SELECT d.id, d.message_id, d.event_type, d.status, d.attempts, d.created_at, d.next_attempt_at, d.finished_at,
                                 a.attempted_at, a.status_code, a.duration_ms, a.response, a.error
                          FROM webhook_deliveries d
                          LEFT JOIN LATERAL (SELECT attempted_at, status_code, duration_ms, response, error FROM webhook_attempts t
                                             WHERE t.account_id = d.account_id AND t.delivery_id = d.id ORDER BY t.id DESC LIMIT 1) a ON true
                          WHERE d.account_id = e.account_id AND d.endpoint_id = e.id ORDER BY d.id DESC LIMIT 1) d ON true""";

    private final JdbcClient jdbc;

    WebhookDeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The endpoint's deliveries, newest first, older than {@code before} (null: from the newest). */
    List<Delivery> page(UUID endpointId, Long before, int limit) {
        return jdbc.sql(PAGE).param("endpoint", endpointId).param("before", before, java.sql.Types.BIGINT).param("limit", limit)
                .query(WebhookDeliveryLog::delivery).list();
    }

    /** Per endpoint of the account that has any, its latest delivery. */
    Map<UUID, Delivery> latestOfEach() {
        return jdbc.sql(LATEST_OF_EACH).query((rs, row) -> Map.entry(rs.getObject("endpoint_id", UUID.class), delivery(rs, row)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<Original> original(UUID endpointId, long deliveryId) {
        return jdbc.sql("SELECT id, message_id, event_type, ordering_key, payload FROM webhook_deliveries WHERE endpoint_id = :e AND id = :id")
                .param("e", endpointId).param("id", deliveryId)
                .query((rs, row) -> new Original(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"),
                        rs.getObject("ordering_key", UUID.class), rs.getString("payload")))
                .optional();
    }

    void startSync(UUID accountId, UUID id, UUID endpointId, UUID startedBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_syncs (account_id, id, endpoint_id, started_by, started_at)
                        VALUES (:a, :id, :e, :by, :now)""")
                .param("a", accountId).param("id", id).param("e", endpointId).param("by", startedBy).param("now", Timestamp.from(now))
                .update();
    }

    Optional<Sync> sync(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_syncs WHERE id = :id FOR UPDATE").param("id", id).query(WebhookDeliveryLog::sync).optional();
    }

    Optional<Sync> latestSync(UUID endpointId) {
        return jdbc.sql("SELECT * FROM webhook_syncs WHERE endpoint_id = :e ORDER BY started_at DESC, id LIMIT 1")
                .param("e", endpointId).query(WebhookDeliveryLog::sync).optional();
    }

    void advanceSync(UUID id, UUID cursor, int queued) {
        jdbc.sql("UPDATE webhook_syncs SET cursor_id = :cursor, queued = queued + :queued WHERE id = :id")
                .param("id", id).param("cursor", cursor).param("queued", queued).update();
    }

    void finishSync(UUID id, String error, Instant now) {
        jdbc.sql("UPDATE webhook_syncs SET finished_at = :now, error = :error WHERE id = :id AND finished_at IS NULL")
                .param("id", id).param("now", Timestamp.from(now)).param("error", error, java.sql.Types.VARCHAR).update();
    }

    private static Sync sync(ResultSet rs, int row) throws SQLException {
        return new Sync(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                WebhookEndpointStore.instant(rs, "started_at"), rs.getInt("queued"), rs.getObject("cursor_id", UUID.class),
                WebhookEndpointStore.instant(rs, "finished_at"), rs.getString("error"));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"), rs.getString("status"),
                rs.getInt("attempts"), WebhookEndpointStore.instant(rs, "created_at"), WebhookEndpointStore.instant(rs, "next_attempt_at"),
                WebhookEndpointStore.instant(rs, "finished_at"), WebhookEndpointStore.instant(rs, "attempted_at"),
                (Integer) rs.getObject("status_code"), (Integer) rs.getObject("duration_ms"), rs.getString("response"), rs.getString("error"));
    }
}
