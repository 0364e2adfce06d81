package com.leadline.integrations.internal.webhooks;

import com.leadline.platform.Tenancy;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.TestHostResolver;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the webhook delivery tests share: accounts from {@link TeamFixture}, endpoints written straight
 * into the account (the endpoints' own page and API have tests of their own), deliveries queued through
 * {@link WebhookOutbox} as the event sources queue them, and the relay. Endpoints a test made are
 * disabled after it, so that later tests' relay runs leave them alone.
 */
abstract class WebhookTest extends IntegrationTest {

    @Autowired
    WebhookOutbox outbox;
    @Autowired
    WebhookRelay relay;
    @Autowired
    WebhookPayloads payloads;
    @Autowired
    WebhookDestinations destinations;
    @Autowired
    TestHostResolver hostResolver;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Tenancy tenancy;

    private final List<UUID> endpointsMade = new ArrayList<>();

    record Endpoint(UUID accountId, UUID id, String url, String secret) {
    }

    TeamFixture team() {
        return new TeamFixture(port, databaseOwner());
    }

    Endpoint endpoint(TeamFixture.Account account, String url, WebhookEventType... types) {
        return endpoint(account, url, StandardWebhookSignature.newSecret(), null, null, types);
    }

    Endpoint endpoint(TeamFixture.Account account, String url, String secret, String previousSecret, Instant previousUntil,
                      WebhookEventType... types) {
        UUID id = UUID.randomUUID();
        WebhookEventType[] chosen = types.length == 0 ? WebhookEventType.values() : types;
        databaseOwner().sql("""
                        INSERT INTO webhook_endpoints (account_id, id, url, description, all_profiles, event_types, secret,
                                                       previous_secret, previous_secret_until, created_by, created_at)
                        VALUES (:account, :id, :url, 'test receiver', true, :types, :secret, :previous, :until, :by, :now)""")
                .param("account", account.id()).param("id", id).param("url", url)
                .param("types", Arrays.stream(chosen).map(WebhookEventType::wireName).toArray(String[]::new))
                .param("secret", secret).param("previous", previousSecret)
                .param("until", previousUntil == null ? null : Timestamp.from(previousUntil))
                .param("by", account.owner().id()).param("now", Timestamp.from(clock.instant()))
                .update();
        endpointsMade.add(id);
        return new Endpoint(account.id(), id, url, secret);
    }

    /** One event queued as an event source queues it, in a transaction of the account; the relay wakes when it commits. */
    int enqueue(UUID accountId, WebhookEventType type, UUID orderingKey, Map<String, ?> data) {
        String body = payloads.body(type, clock.instant(), data);
        return transactions.execute(status -> tenancy.inAccount(accountId,
                () -> outbox.enqueueAll(accountId, List.of(new WebhookOutbox.Queued(null, type, orderingKey, body, clock.instant())))));
    }

    record Delivery(long id, String messageId, String eventType, UUID orderingKey, String payload, String status,
                    int attempts, Instant nextAttemptAt) {
    }

    List<Delivery> deliveries(UUID endpointId) {
        return databaseOwner().sql("""
                        SELECT id, message_id, event_type, ordering_key, payload, status, attempts, next_attempt_at
                        FROM webhook_deliveries WHERE endpoint_id = :e ORDER BY id""")
                .param("e", endpointId)
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The endpoint's first delivery has had one attempt and waits for the next (read in one statement: no torn view). */
    boolean retryWaiting(Endpoint endpoint) {
        Delivery first = deliveries(endpoint.id()).get(0);
        return first.status().equals("pending") && first.attempts() == 1;
    }

    record AttemptRow(Instant at, Integer statusCode, int durationMs, String response, String error) {
    }

    List<AttemptRow> attempts(long deliveryId) {
        return databaseOwner().sql("""
                        SELECT attempted_at, status_code, duration_ms, response, error FROM webhook_attempts
                        WHERE delivery_id = :d ORDER BY id""")
                .param("d", deliveryId)
                .query((rs, n) -> new AttemptRow(rs.getTimestamp(1).toInstant(), (Integer) rs.getObject(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    JdbcClient owner() {
        return databaseOwner();
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @AfterEach
    void disableTheEndpointsMade() {
        if (!endpointsMade.isEmpty()) {
            databaseOwner().sql("""
                            UPDATE webhook_endpoints SET enabled = false, disabled_at = now(), disabled_reason = 'test over'
                            WHERE id = ANY (:ids) AND enabled""")
                    .param("ids", endpointsMade.toArray(UUID[]::new)).update();
            endpointsMade.clear();
        }
    }
}
