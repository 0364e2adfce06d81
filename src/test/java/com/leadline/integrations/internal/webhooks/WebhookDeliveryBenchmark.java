package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.TeamFixture;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Delivery throughput, events per second from the outbox to a local receiver: a backlog of deliveries
 * (default 10,000; {@code -Dleadline.benchmark.deliveries=N}) over 1,000 conversations, queued for one
 * endpoint and drained by the relay ({@code leadline.webhooks.relay-threads} senders); then the same
 * number queued one per transaction through {@link WebhookOutbox} while the relay, woken by each
 * commit, sends them (end to end). The clock stands still. The receiver (the JDK's HTTP server on 127.0.0.1) answers 204 and
 * counts message ids. Not part of the test suite (its name does not end in Tests):
 * {@code ./mvnw -B -o -q test -Dtest=WebhookDeliveryBenchmark}; figures in target/webhook-benchmark.md
 * (docs/BENCHMARKS.md).
 */
class WebhookDeliveryBenchmark extends WebhookTest {

    private static final int DELIVERIES = Integer.getInteger("leadline.benchmark.deliveries", 10_000);
    private static final int CONVERSATIONS = 1_000;

    @Test
    void deliveryThroughput() throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService receiverThreads = Executors.newFixedThreadPool(4);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
                requests.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.setExecutor(receiverThreads);
        server.start();
        Map<String, String> results = new LinkedHashMap<>();
        try {
            TeamFixture.Account account = team().openAccount("Benchmark Hooks");
            for (String mode : List.of("backlog", "live")) {
                Endpoint endpoint = endpoint(account, "http://127.0.0.1:" + server.getAddress().getPort() + "/bench");
                received.clear();
                requests.set(0);
                long started;
                if (mode.equals("backlog")) {
                    queueBacklog(account.id(), endpoint.id());
                    started = System.nanoTime();
                    relay.deliverDue();
                } else {
                    started = System.nanoTime();
                    queueLive(account.id());
                }
                while (delivered(endpoint) < DELIVERIES) {
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(10));
                    relay.deliverDue();
                    Thread.sleep(10);
                }
                double seconds = (System.nanoTime() - started) / 1e9;

                assertThat(received).hasSize(DELIVERIES);
                String line = "%s: %,d deliveries in %.1f s = %.0f events/s (%,d requests)"
                        .formatted(mode.equals("backlog") ? "a backlog drained by the relay"
                                        : "queued one per transaction through WebhookOutbox while the relay sends (end to end)",
                                DELIVERIES, seconds, DELIVERIES / seconds, requests.get());
                System.out.println("WebhookDeliveryBenchmark " + line);
                results.put(mode, line);
                owner().sql("UPDATE webhook_endpoints SET enabled = false, disabled_at = now(), disabled_reason = 'benchmark over' WHERE id = :e")
                        .param("e", endpoint.id()).update();
            }
        } finally {
            server.stop(0);
            receiverThreads.shutdownNow();
        }
        StringBuilder report = new StringBuilder("# Webhook delivery throughput\n\n");
        report.append("Deliveries: ").append(DELIVERIES).append(" over ").append(CONVERSATIONS).append(" conversations; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
        results.values().forEach(line -> report.append("- ").append(line).append('\n'));
        Files.writeString(Path.of("target/webhook-benchmark.md"), report);
    }

    private long delivered(Endpoint endpoint) {
        return owner().sql("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = :e AND status = 'delivered'")
                .param("e", endpoint.id()).query(Long.class).single();
    }

    /** Each event in a transaction of its own, as the changes that announce them commit, the relay woken by each commit. */
    private void queueLive(UUID accountId) {
        List<UUID> conversations = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            conversations.add(UUID.randomUUID());
        }
        String payload = samplePayload();
        for (int n = 0; n < DELIVERIES; n++) {
            UUID conversation = conversations.get(n % CONVERSATIONS);
            transactions.execute(status -> tenancy.inAccount(accountId,
                    () -> outbox.enqueueAll(accountId, List.of(new WebhookOutbox.Queued(null, WebhookEventType.MESSAGE_RECEIVED, conversation,
                            payload, clock.instant())))));
        }
    }

    private String samplePayload() {
        return payloads.body(WebhookEventType.MESSAGE_RECEIVED, clock.instant(), Map.of(
                "conversationId", UUID.randomUUID().toString(), "profileId", UUID.randomUUID().toString(),
                "contact", Map.of("id", UUID.randomUUID().toString(), "name", "Ana Lima", "phone", "+16282000000"),
                "message", Map.of("id", UUID.randomUUID().toString(), "body", "Hi, do you have an opening on Thursday afternoon?")));
    }

    /** The backlog, written in one statement (as the outbox writes it, pending and due now), without waking the relay. */
    private void queueBacklog(UUID accountId, UUID endpointId) {
        List<UUID> conversations = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            conversations.add(UUID.randomUUID());
        }
        String payload = samplePayload();
        owner().sql("""
                        INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, ordering_key, payload,
                                                        status, next_attempt_at, created_at)
                        SELECT :account, :endpoint, 'msg_' || substr(md5(random()::text || n), 1, 26), 'message.received',
                               (:conversations)[1 + n % :count], :payload, 'pending', :now, :now
                        FROM generate_series(0, :deliveries - 1) AS n""")
                .param("account", accountId).param("endpoint", endpointId)
                .param("conversations", conversations.toArray(UUID[]::new)).param("count", CONVERSATIONS)
                .param("payload", payload).param("now", Timestamp.from(clock.instant())).param("deliveries", DELIVERIES)
                .update();
    }
}
