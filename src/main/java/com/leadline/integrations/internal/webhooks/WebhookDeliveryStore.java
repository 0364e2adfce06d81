package com.leadline.integrations.internal.webhooks;

import com.leadline.integrations.internal.webhooks.WebhookRelay.Claimed;
import com.leadline.integrations.internal.webhooks.WebhookSender.Attempt;
import com.leadline.platform.Transactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay's statements on the delivery tables: the cross-account claim, then, inside a transaction of
 * the delivery's account (the caller opens it), the claim's check, the lease, and the record of each attempt.
 */
final class WebhookDeliveryStore {

    /** A claimed delivery as read again before sending, and whether its endpoint is still enabled. */
    record Held(Claimed claimed, boolean enabled) {
    }

    private final JdbcClient jdbc;

    WebhookDeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Due heads of every account's queues (integrations_claim_due_webhooks, V54), claimed until {@code leaseUntil}. */
    List<Claimed> claim(Instant now, int limit, UUID claim, Instant leaseUntil) {
        return jdbc.sql("""
                        SELECT account_id, id, attempts FROM integrations_claim_due_webhooks(:now, :limit, :claim, :leaseUntil)
                        ORDER BY id""")
                .param("now", Timestamp.from(now)).param("limit", limit).param("claim", claim)
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .query((rs, n) -> new Claimed(rs.getLong(2), claim, rs.getObject(1, UUID.class), rs.getInt(3),
                        null, null, null, null, null))
                .list();
    }

    /**
     * The delivery, locked, if {@code row}'s claim still holds it, with its endpoint as it is now: the URL and
     * the secrets to sign with (the previous one too while the rotation's grace period runs).
     */
    Optional<Held> lockIfHeld(Claimed row, Instant now) {
        return jdbc.sql("""
                        SELECT d.endpoint_id, d.message_id, d.payload, e.url, e.secret, e.previous_secret,
                               coalesce(e.previous_secret_until > :now, false) AS previous_valid, e.enabled
                        FROM webhook_deliveries d
                        JOIN webhook_endpoints e ON e.account_id = d.account_id AND e.id = d.endpoint_id
                        WHERE d.account_id = :account AND d.id = :id AND d.claim_id = :claim AND d.status = 'sending'
                          AND d.lease_until > :now
                        FOR UPDATE OF d""")
                .param("now", Timestamp.from(now)).param("account", row.accountId()).param("id", row.id())
                .param("claim", row.claim())
                .query((rs, n) -> {
                    List<String> secrets = new ArrayList<>(List.of(rs.getString(5)));
                    if (rs.getBoolean(7) && rs.getString(6) != null) {
                        secrets.add(rs.getString(6));
                    }
                    return new Held(new Claimed(row.id(), row.claim(), row.accountId(), row.attempts(),
                            rs.getObject(1, UUID.class), rs.getString(4), List.copyOf(secrets), rs.getString(2),
                            rs.getString(3)), rs.getBoolean(8));
                })
                .optional();
    }

    /** Back to the queue, due now, the claim's attempt uncounted (nothing was sent). */
    void release(Claimed row, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'pending', lease_until = NULL, attempts = attempts - 1,
                               next_attempt_at = :now
                        WHERE account_id = :account AND id = :id""")
                .param("now", Timestamp.from(now)).param("account", row.accountId()).param("id", row.id()).update();
    }

    void renewLease(Claimed row, Instant leaseUntil) {
        jdbc.sql("UPDATE webhook_deliveries SET lease_until = :leaseUntil WHERE account_id = :account AND id = :id")
                .param("leaseUntil", Timestamp.from(leaseUntil)).param("account", row.accountId()).param("id", row.id())
                .update();
    }

    /**
     * The current transaction commits without waiting for the disk ({@link Transactions#RELAXED_COMMIT}): used
     * for the lease's renewal and for recording a delivery. Should the database crash and lose the last
     * fraction of a second's commits, a renewal lost leaves the claim's own lease, and a delivery lost is
     * sent again once its lease runs out: at least once, with the same {@code webhook-id}, as promised.
     */
    void relaxCommit() {
        jdbc.sql("WITH " + Transactions.RELAXED_COMMIT + " SELECT 1 FROM relaxed").query(Integer.class).single();
    }

    void record(Claimed row, Attempt attempt) {
        jdbc.sql("""
                        INSERT INTO webhook_attempts (account_id, delivery_id, attempted_at, status_code, duration_ms, response, error)
                        VALUES (:account, :delivery, :at, :status, :duration, :response, :error)""")
                .param("account", row.accountId()).param("delivery", row.id()).param("at", Timestamp.from(attempt.at()))
                .param("status", attempt.statusCode()).param("duration", Math.max(0, attempt.durationMs()))
                .param("response", attempt.response() == null ? "" : attempt.response())
                .param("error", attempt.error() == null ? null : truncate(attempt.error(), 500))
                .update();
    }

    /** Delivered, if the claim still holds it; false if another relay claimed it meanwhile. */
    boolean markDelivered(Claimed row, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'delivered', finished_at = :now, lease_until = NULL
                        WHERE account_id = :account AND id = :id AND claim_id = :claim AND status = 'sending'""")
                .param("now", Timestamp.from(now)).param("account", row.accountId()).param("id", row.id())
                .param("claim", row.claim()).update() == 1;
    }

    /** Due again at {@code next}, or failed for good, if the claim still holds it. */
    void markFailed(Claimed row, boolean giveUp, Instant next, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = :status, next_attempt_at = :next, lease_until = NULL,
                               finished_at = CASE WHEN :giveUp THEN CAST(:now AS timestamptz) END
                        WHERE account_id = :account AND id = :id AND claim_id = :claim AND status = 'sending'""")
                .param("status", giveUp ? "failed" : "pending").param("giveUp", giveUp)
                .param("next", Timestamp.from(next)).param("now", Timestamp.from(now))
                .param("account", row.accountId()).param("id", row.id()).param("claim", row.claim()).update();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
