package com.leadline.integrations.internal.webhooks;

import com.leadline.platform.SecureTokens;
import com.leadline.platform.Transactions;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writing half of the webhook outbox, in the current account (row-level security applies): a
 * delivery row per endpoint that wants the event, written inside the transaction of the change the
 * event announces, so that a rolled-back change announces nothing and a committed one is delivered
 * at least once.
 */
@Repository
public class WebhookOutbox {

    /** One statement: a row for every enabled endpoint of the account that chose the event and covers the profile. */
    private static final String FOR_SUBSCRIBERS = """
            INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, ordering_key, payload,
                                            status, next_attempt_at, created_at)
            SELECT e.account_id, e.id, :messageId, :eventType, :orderingKey, :payload, 'pending', :now, :now
            FROM webhook_endpoints e
            WHERE e.account_id = :accountId AND e.enabled AND :eventType = ANY (e.event_types)
              AND (CAST(:profileId AS uuid) IS NULL OR e.all_profiles OR CAST(:profileId AS uuid) = ANY (e.profile_ids))""";

    private static final String FOR_ENDPOINT = """
            INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, ordering_key, payload,
                                            status, next_attempt_at, created_at)
            VALUES (:accountId, :endpointId, :messageId, :eventType, :orderingKey, :payload, 'pending', :now, :now)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate callersTransaction;

    WebhookOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    /** A new Standard Webhooks message id ({@code webhook-id}): {@code msg_} and 26 random letters and digits. */
    public static String newMessageId() {
        // Base64url letters without '-' and '_': one token can fall short of 26 (about 1 in 1,000), so take more until there are enough.
        StringBuilder random = new StringBuilder();
        while (random.length() < 26) {
            random.append(SecureTokens.newToken(24).replace("-", "").replace("_", ""));
        }
        return "msg_" + random.substring(0, 26);
    }

    /**
     * Queues {@code payload} (the JSON body exactly as it will be signed) for every endpoint of the account
     * that chose {@code type} and covers {@code profileId} (null: an account-wide event, for every endpoint
     * that chose it). {@code orderingKey}: the conversation (or contact) whose events must arrive in order,
     * or null. Must run inside the transaction of the change. Returns how many deliveries were queued.
     */
    public int enqueue(UUID accountId, UUID profileId, WebhookEventType type, UUID orderingKey, String payload, Instant now) {
        return callersTransaction.execute(status -> jdbc.sql(FOR_SUBSCRIBERS)
                .param("accountId", accountId).param("profileId", profileId).param("eventType", type.wireName())
                .param("orderingKey", orderingKey).param("payload", payload).param("messageId", newMessageId())
                .param("now", java.sql.Timestamp.from(now)).update());
    }

    /**
     * Queues a delivery for one endpoint whatever it chose (a test event, a sync, a resend keeping its
     * {@code messageId}). Must run inside the caller's transaction.
     */
    public void enqueueFor(UUID accountId, UUID endpointId, String messageId, String eventType, UUID orderingKey,
                           String payload, Instant now) {
        callersTransaction.executeWithoutResult(status -> jdbc.sql(FOR_ENDPOINT)
                .param("accountId", accountId).param("endpointId", endpointId).param("messageId", messageId)
                .param("eventType", eventType).param("orderingKey", orderingKey).param("payload", payload)
                .param("now", java.sql.Timestamp.from(now)).update());
    }
}
