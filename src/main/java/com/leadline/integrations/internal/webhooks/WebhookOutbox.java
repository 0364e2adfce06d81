package com.leadline.integrations.internal.webhooks;

import com.leadline.platform.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writing half of the webhook outbox, in the current account (row-level security applies): a
 * delivery row per endpoint that wants the event, written inside the transaction of the change the
 * event announces, so that a rolled-back change announces nothing and a committed one is delivered
 * at least once. Once that transaction commits, the relay ({@link WebhookRelay}) is woken to send them.
 */
@Repository
public class WebhookOutbox {

    /**
     * Several events at once, in the order given: a row for every event and every enabled endpoint that chose it
     * and covers its profile; rows are numbered by the events' order (then the endpoint's id), so one key's
     * deliveries keep that order.
     */
    private static final String FOR_SUBSCRIBERS_OF_EACH = """
            INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, ordering_key, payload,
                                            status, next_attempt_at, created_at)
            SELECT e.account_id, e.id, ev.message_id, ev.event_type, CAST(ev.ordering_key AS uuid), ev.payload, 'pending',
                   CAST(ev.at AS timestamptz), CAST(ev.at AS timestamptz)
            FROM unnest(CAST(:messageIds AS text[]), CAST(:eventTypes AS text[]), CAST(:profileIds AS text[]),
                        CAST(:orderingKeys AS text[]), CAST(:payloads AS text[]), CAST(:ats AS text[]))
                 WITH ORDINALITY AS ev (message_id, event_type, profile_id, ordering_key, payload, at, ord)
            JOIN webhook_endpoints e ON e.account_id = :accountId AND e.enabled AND ev.event_type = ANY (e.event_types)
              AND (ev.profile_id IS NULL OR e.all_profiles OR CAST(ev.profile_id AS uuid) = ANY (e.profile_ids))
            ORDER BY ev.ord, e.id""";

    /** An event to queue with others: {@code profileId} null for an account-wide event, {@code orderingKey} null for none. */
    public record Queued(UUID profileId, WebhookEventType type, UUID orderingKey, String payload, Instant at) {
    }

    private static final String FOR_ENDPOINT = """
            INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, ordering_key, payload,
                                            status, next_attempt_at, created_at)
            VALUES (:accountId, :endpointId, :messageId, :eventType, :orderingKey, :payload, 'pending', :now, :now)
            RETURNING id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate callersTransaction;
    private final WebhookRelay relay;

    WebhookOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager, WebhookRelay relay) {
        this.jdbc = jdbc;
        this.callersTransaction = Transactions.callersOnly(transactionManager);
        this.relay = relay;
    }

    private static final char[] MESSAGE_ID_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A new Standard Webhooks message id ({@code webhook-id}): {@code msg_} and 26 random letters and digits
     * (about 155 bits). Drawn letter by letter: a base64 token with its {@code -} and {@code _} removed
     * would sometimes be shorter than 26.
     */
    public static String newMessageId() {
        char[] random = new char[26];
        for (int i = 0; i < random.length; i++) {
            random[i] = MESSAGE_ID_ALPHABET[RANDOM.nextInt(MESSAGE_ID_ALPHABET.length)];
        }
        return "msg_" + new String(random);
    }

    /**
     * Queues each event (its body exactly as it will be signed) for every enabled endpoint of the account that
     * chose its type and covers its profile (an account-wide event: every endpoint that chose it), in one
     * statement, in the order given, each event with a message id of its own. Must run inside the transaction
     * of the changes. Returns how many deliveries were queued.
     */
    public int enqueueAll(UUID accountId, List<Queued> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return callersTransaction.execute(status -> {
            int queued = jdbc.sql(FOR_SUBSCRIBERS_OF_EACH).param("accountId", accountId)
                    .param("messageIds", events.stream().map(event -> newMessageId()).toArray(String[]::new))
                    .param("eventTypes", events.stream().map(event -> event.type().wireName()).toArray(String[]::new))
                    .param("profileIds", events.stream().map(event -> text(event.profileId())).toArray(String[]::new))
                    .param("orderingKeys", events.stream().map(event -> text(event.orderingKey())).toArray(String[]::new))
                    .param("payloads", events.stream().map(Queued::payload).toArray(String[]::new))
                    .param("ats", events.stream().map(event -> event.at().toString()).toArray(String[]::new))
                    .update();
            if (queued > 0) {
                relay.wakeUpAfterCommit();
            }
            return queued;
        });
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /**
     * Queues a delivery for one endpoint whatever it chose (a test event, a sync, a resend keeping its
     * {@code messageId}). Must run inside the caller's transaction. Returns the new delivery's id.
     */
    public long enqueueFor(UUID accountId, UUID endpointId, String messageId, String eventType, UUID orderingKey,
                           String payload, Instant now) {
        return callersTransaction.execute(status -> {
            long id = jdbc.sql(FOR_ENDPOINT)
                    .param("accountId", accountId).param("endpointId", endpointId).param("messageId", messageId)
                    .param("eventType", eventType).param("orderingKey", orderingKey).param("payload", payload)
                    .param("now", java.sql.Timestamp.from(now)).query(Long.class).single();
            relay.wakeUpAfterCommit();
            return id;
        });
    }
}
