package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.leadline.integrations.internal.webhooks.WebhookReceiver.Answer;
import com.leadline.integrations.internal.webhooks.WebhookReceiver.Received;
import com.leadline.testing.Smtp;
import com.leadline.testing.TeamFixture;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks delivered over real HTTP to a receiver the test starts, which checks each signature with an
 * independent implementation of the Standard Webhooks algorithm ({@link IndependentWebhookVerifier}).
 */
class WebhookDeliveryIntegrationTests extends WebhookTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver(clock::instant);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        clock.resetToNow();
    }

    @Test
    void aQueuedEventArrivesSignedWithTheStandardHeadersAndItsBodyAndIsRecorded() throws Exception {
        TeamFixture.Account account = team().openAccount("Signed Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/hooks/leadline?source=test"), WebhookEventType.LEAD_CREATED);
        UUID conversation = UUID.randomUUID();
        Instant queuedAt = clock.instant();

        assertThat(enqueue(account.id(), WebhookEventType.LEAD_CREATED, conversation, Map.of("conversationId", conversation.toString())))
                .isEqualTo(1);

        await("the delivery", () -> receiver.received().size() == 1);
        Received request = receiver.received().get(0);
        Delivery delivery = deliveries(endpoint.id()).get(0);
        await("the delivery recorded", () -> deliveries(endpoint.id()).get(0).status().equals("delivered"));
        new IndependentWebhookVerifier(endpoint.secret()).verify(request.messageId(), request.header("webhook-timestamp"),
                request.header("webhook-signature"), request.body(), clock.instant());
        assertThat(request.header(":method")).isEqualTo("POST");
        assertThat(request.header(":path")).isEqualTo("/hooks/leadline?source=test");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.header("user-agent")).contains("Leadline");
        assertThat(request.messageId()).isEqualTo(delivery.messageId()).matches("msg_[A-Za-z0-9]{26}");
        assertThat(Long.parseLong(request.header("webhook-timestamp"))).isCloseTo(queuedAt.getEpochSecond(), within(2L));
        assertThat(IndependentWebhookVerifier.signaturesIn(request.header("webhook-signature"))).hasSize(1);
        assertThat(request.body()).isEqualTo(delivery.payload());
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("lead.created");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("data").get("conversationId").asString()).isEqualTo(conversation.toString());

        assertThat(attempts(delivery.id())).singleElement().satisfies(attempt -> {
            assertThat(attempt.statusCode()).isEqualTo(200);
            assertThat(attempt.response()).isEqualTo("{\"ok\":true}");
            assertThat(attempt.error()).isNull();
            assertThat(attempt.durationMs()).isBetween(0, 5_000);
        });
    }

    @Test
    void aTamperedBodyOrAnotherSecretFailsTheIndependentCheck() throws Exception {
        TeamFixture.Account account = team().openAccount("Tamper Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/t"), WebhookEventType.CONTACT_UPDATED);
        enqueue(account.id(), WebhookEventType.CONTACT_UPDATED, UUID.randomUUID(), Map.of("name", "Ana"));
        await("the delivery", () -> receiver.received().size() == 1);
        Received request = receiver.received().get(0);

        IndependentWebhookVerifier verifier = new IndependentWebhookVerifier(endpoint.secret());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(request.messageId(),
                        request.header("webhook-timestamp"), request.header("webhook-signature"), request.body() + " ", clock.instant()))
                .isInstanceOf(IndependentWebhookVerifier.Refused.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IndependentWebhookVerifier(StandardWebhookSignature.newSecret())
                        .verify(request.messageId(), request.header("webhook-timestamp"), request.header("webhook-signature"),
                                request.body(), clock.instant()))
                .isInstanceOf(IndependentWebhookVerifier.Refused.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(request.messageId(),
                        request.header("webhook-timestamp"), request.header("webhook-signature"), request.body(),
                        clock.instant().plus(Duration.ofMinutes(6))))
                .isInstanceOf(IndependentWebhookVerifier.Refused.class);
    }

    @Test
    void everyEventTypeArrives() {
        TeamFixture.Account account = team().openAccount("All Event Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/all"));
        for (WebhookEventType type : WebhookEventType.values()) {
            enqueue(account.id(), type, UUID.randomUUID(), Map.of("kind", type.wireName()));
        }

        await("every event type", () -> receiver.received().size() == WebhookEventType.values().length);
        Set<String> types = new HashSet<>();
        for (Received request : receiver.received()) {
            verified(endpoint, request);
            types.add(JSON.readTree(request.body()).get("type").asString());
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList());
    }

    @Test
    void aServerErrorIsRecordedAndRetriedAfterItsBackOffThenDelivered() {
        TeamFixture.Account account = team().openAccount("Retry Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/flaky"), WebhookEventType.MESSAGE_RECEIVED);
        receiver.answering(request -> request.seq() == 1 ? new Answer(500, Duration.ZERO, Map.of(), "database down") : Answer.ok());
        Instant first = clock.instant();

        enqueue(account.id(), WebhookEventType.MESSAGE_RECEIVED, UUID.randomUUID(), Map.of("text", "hello"));

        await("the failed attempt recorded", () -> retryWaiting(endpoint));
        Delivery waiting = deliveries(endpoint.id()).get(0);
        assertThat(attempts(waiting.id())).singleElement().satisfies(attempt -> {
            assertThat(attempt.statusCode()).isEqualTo(500);
            assertThat(attempt.response()).isEqualTo("database down");
        });
        // 30 s, jittered by up to a fifth either way.
        assertThat(Duration.between(first, waiting.nextAttemptAt())).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(37));
        assertThat(endpointColumn(endpoint, "failing_since")).isNotNull();
        relay.deliverDue();
        assertThat(receiver.received()).as("not due before its back-off").hasSize(1);

        clock.setTo(waiting.nextAttemptAt());
        relay.deliverDue();

        assertThat(receiver.received()).hasSize(2);
        Received retry = receiver.received().get(1);
        verified(endpoint, retry);
        assertThat(retry.messageId()).isEqualTo(receiver.received().get(0).messageId());
        assertThat(Long.parseLong(retry.header("webhook-timestamp"))).as("signed at the retry's own time")
                .isEqualTo(waiting.nextAttemptAt().getEpochSecond());
        assertThat(deliveries(endpoint.id()).get(0).status()).isEqualTo("delivered");
        assertThat(attempts(waiting.id())).extracting(AttemptRow::statusCode).containsExactly(500, 200);
        assertThat(endpointColumn(endpoint, "failing_since")).as("cleared by the success").isNull();
    }

    @Test
    void aReceiverSlowerThanTheReadTimeoutTimesOutAndIsRetried() {
        TeamFixture.Account account = team().openAccount("Slow Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/slow"), WebhookEventType.MESSAGE_SENT);
        receiver.answering(request -> request.seq() == 1 ? new Answer(200, Duration.ofSeconds(3), Map.of(), "late") : Answer.ok());

        enqueue(account.id(), WebhookEventType.MESSAGE_SENT, UUID.randomUUID(), Map.of("text", "hi"));

        await("the timed-out attempt recorded", () -> retryWaiting(endpoint));
        Delivery waiting = deliveries(endpoint.id()).get(0);
        assertThat(attempts(waiting.id())).singleElement().satisfies(attempt -> {
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).containsIgnoringCase("time");
            assertThat(attempt.durationMs()).isBetween(900, 2_900);
        });

        clock.setTo(waiting.nextAttemptAt());
        relay.deliverDue();

        assertThat(deliveries(endpoint.id()).get(0).status()).isEqualTo("delivered");
        assertThat(receiver.received()).hasSize(2);
        verified(endpoint, receiver.received().get(1));
    }

    @Test
    void eventsOfOneConversationArriveInTheOrderTheyWereQueuedDespiteFailures() {
        long seed = Long.getLong("leadline.seed", System.nanoTime());
        System.out.println("WebhookDeliveryIntegrationTests order seed: -Dleadline.seed=" + seed);
        Random random = new Random(seed);
        TeamFixture.Account account = team().openAccount("Ordered Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/ordered"));
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        Random failures = new Random(seed ^ 0x5DEECE66DL);
        receiver.answering(request -> {
            boolean firstTime = seen.putIfAbsent(request.messageId(), true) == null;
            boolean fail;
            synchronized (failures) {
                fail = firstTime && failures.nextInt(100) < 30;
            }
            return fail ? Answer.status(503) : Answer.ok();
        });
        List<UUID> conversations = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, List<Integer>> queued = new LinkedHashMap<>();
        int events = 60;
        for (int n = 0; n < events; n++) {
            UUID conversation = conversations.get(random.nextInt(conversations.size()));
            queued.computeIfAbsent(conversation, key -> new ArrayList<>()).add(n);
            enqueue(account.id(), WebhookEventType.MESSAGE_RECEIVED, conversation, Map.of("conversationId", conversation.toString(), "n", n));
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (deliveries(endpoint.id()).stream().anyMatch(d -> !d.status().equals("delivered"))) {
            assertThat(Instant.now()).as("all delivered in time (seed %d)", seed).isBefore(deadline);
            relay.deliverDue();
            clock.advance(Duration.ofSeconds(40));
        }

        Map<UUID, List<Integer>> accepted = new HashMap<>();
        Map<UUID, Integer> highestSeen = new HashMap<>();
        for (Received request : receiver.received()) {
            verified(endpoint, request);
            JsonNode data = JSON.readTree(request.body()).get("data");
            UUID conversation = UUID.fromString(data.get("conversationId").asString());
            int n = data.get("n").asInt();
            assertThat(n).as("no event of a conversation before an earlier one was delivered (seed %d)", seed)
                    .isGreaterThanOrEqualTo(highestSeen.getOrDefault(conversation, -1));
            highestSeen.put(conversation, n);
            if (request.accepted()) {
                accepted.computeIfAbsent(conversation, key -> new ArrayList<>()).add(n);
            }
        }
        assertThat(accepted).as("seed %d", seed).isEqualTo(queued);
        assertThat(receiver.received().stream().filter(r -> !r.accepted()).count()).as("some first attempts failed (seed %d)", seed)
                .isPositive();
    }

    @Test
    void duringARotationBothSignaturesAreSentEachVerifyingWithItsSecret() {
        TeamFixture.Account account = team().openAccount("Rotating Hooks");
        String previous = StandardWebhookSignature.newSecret();
        String current = StandardWebhookSignature.newSecret();
        Endpoint endpoint = endpoint(account, receiver.url("/rotating"), current, previous,
                clock.instant().plus(Duration.ofHours(24)), WebhookEventType.CONVERSATION_CLOSED);

        enqueue(account.id(), WebhookEventType.CONVERSATION_CLOSED, UUID.randomUUID(), Map.of("closed", true));
        await("the delivery", () -> receiver.received().size() == 1);

        Received request = receiver.received().get(0);
        String header = request.header("webhook-signature");
        assertThat(IndependentWebhookVerifier.signaturesIn(header)).hasSize(2);
        assertThat(new IndependentWebhookVerifier(current).matchingPositions(request.messageId(), request.header("webhook-timestamp"),
                header, request.body())).containsExactly(0);
        assertThat(new IndependentWebhookVerifier(previous).matchingPositions(request.messageId(), request.header("webhook-timestamp"),
                header, request.body())).containsExactly(1);
        verified(endpoint, request);

        // Once the grace period is over, only the current secret signs.
        owner().sql("UPDATE webhook_endpoints SET previous_secret_until = :past WHERE id = :id")
                .param("past", java.sql.Timestamp.from(clock.instant().minusSeconds(1))).param("id", endpoint.id()).update();
        enqueue(account.id(), WebhookEventType.CONVERSATION_CLOSED, UUID.randomUUID(), Map.of("closed", true));
        await("the second delivery", () -> receiver.received().size() == 2);
        Received later = receiver.received().get(1);
        assertThat(IndependentWebhookVerifier.signaturesIn(later.header("webhook-signature"))).hasSize(1);
        verified(endpoint, later);
        assertThat(new IndependentWebhookVerifier(previous).matchingPositions(later.messageId(), later.header("webhook-timestamp"),
                later.header("webhook-signature"), later.body())).isEmpty();
    }

    @Test
    void anEndpointFailingForMoreThanADayIsDisabledAndTheOwnerAndAdminsAreTold() throws Exception {
        TeamFixture fixture = team();
        TeamFixture.Account account = fixture.openAccount("Failing Hooks");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        Smtp.clear();
        Endpoint endpoint = endpoint(account, receiver.url("/down"), WebhookEventType.LEAD_CREATED);
        receiver.answering(request -> new Answer(502, Duration.ZERO, Map.of(), "bad gateway"));

        enqueue(account.id(), WebhookEventType.LEAD_CREATED, UUID.randomUUID(), Map.of("lead", 1));
        await("the first failure", () -> retryWaiting(endpoint));
        Instant failingSince = ((java.sql.Timestamp) endpointColumn(endpoint, "failing_since")).toInstant();

        // Just under a day of failures: still enabled.
        clock.setTo(failingSince.plus(Duration.ofHours(24)).minusSeconds(60));
        relay.deliverDue();
        assertThat(endpointColumn(endpoint, "enabled")).isEqualTo(true);
        assertThat(deliveries(endpoint.id()).get(0).attempts()).isEqualTo(2);

        clock.setTo(failingSince.plus(Duration.ofHours(24)).plusSeconds(60));
        relay.deliverDue();

        assertThat(endpointColumn(endpoint, "enabled")).isEqualTo(false);
        assertThat(endpointColumn(endpoint, "disabled_at")).isNotNull();
        assertThat((String) endpointColumn(endpoint, "disabled_reason")).contains("every delivery failed since").contains("502");
        MimeMessage toOwner = Smtp.awaitMessage(account.owner().email(), "stopped sending webhooks");
        MimeMessage toAdmin = Smtp.awaitMessage(admin.email(), "stopped sending webhooks");
        assertThat(Smtp.body(toOwner)).contains(endpoint.url()).contains("502")
                .contains("http://leadline.test/settings/integrations/webhooks/" + endpoint.id());
        assertThat(owner().sql("SELECT action FROM audit_log WHERE account_id = :a AND target_id = :e")
                .param("a", account.id()).param("e", endpoint.id().toString()).query(String.class).list())
                .as("the disabling is in the account's audit log").containsExactly("webhook.disabled");
        assertThat(Smtp.subject(toAdmin)).contains(endpoint.url());
        assertThat(Smtp.received().stream().filter(message -> Smtp.subject(message).contains(endpoint.url())).count())
                .as("the owner and the admin, nobody else").isEqualTo(2);
        assertThat(Smtp.to(member.email())).noneMatch(message -> Smtp.subject(message).contains("webhooks"));

        // A disabled endpoint gets no more attempts.
        int received = receiver.received().size();
        clock.advance(Duration.ofHours(6));
        relay.deliverDue();
        assertThat(receiver.received()).hasSize(received);
        assertThat(deliveries(endpoint.id()).get(0).status()).isEqualTo("pending");
    }

    private Object endpointColumn(Endpoint endpoint, String column) {
        return owner().sql("SELECT " + column + " FROM webhook_endpoints WHERE id = :id").param("id", endpoint.id())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1))).single().orElse(null);
    }

    private void verified(Endpoint endpoint, Received request) {
        try {
            new IndependentWebhookVerifier(endpoint.secret()).verify(request.messageId(), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body(), request.clockAt());
        } catch (IndependentWebhookVerifier.Refused refused) {
            throw new AssertionError("Signature refused: " + refused.getMessage() + " for " + request, refused);
        }
    }
}
