package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.integrations.internal.webhooks.WebhookReceiver.Received;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The whole path, as an admin and a receiving system meet it: an endpoint made through the API, then each
 * kind of change done as people do it; every event arrives at a real receiver, signed so that the test's
 * own Standard Webhooks verifier accepts it with the secret the API showed once, and one conversation's
 * events arrive in the order they happened.
 */
class WebhookEndToEndIntegrationTests extends WebhookTest {

    @Autowired
    private InboundTexts inbound;

    private WebhookReceiver receiver;

    @BeforeEach
    void startTheReceiver() throws Exception {
        receiver = new WebhookReceiver(clock::instant);
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.close();
    }

    @Test
    void everyKindOfChangeReachesTheReceiverSignedWithTheSecretShownOnce() throws Exception {
        TeamFixture fixture = team();
        TeamFixture.Account account = fixture.openAccount("Round Trip Dental");
        WebSession owner = account.owner().session();
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        WebSession.Page made = owner.api("POST", "/api/v1/webhooks", Map.of("url", receiver.url("/leadline"),
                "description", "Round trip", "allProfiles", false, "profileIds", List.of(account.firstProfileId().toString()),
                "events", java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode answer = WebSession.JSON.readTree(made.body());
        String secret = answer.get("secret").asString();
        UUID endpointId = UUID.fromString(answer.at("/endpoint/id").asString());

        try {
            String phone = TeamFixture.uniquePhoneNumber();
            UUID conversation = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Can I book a cleaning?");
            UUID contact = owner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", conversation)
                    .query(UUID.class).single();
            ok(owner.api("POST", "/api/v1/conversations/" + conversation + "/replies", Map.of("body", "Tuesday at 10?")));
            ok(owner.api("PUT", "/api/v1/conversations/" + conversation + "/assignee", Map.of("assigneeId", member.id().toString())));
            ok(owner.api("POST", "/api/v1/conversations/" + conversation + "/close", Map.of("outcome", "won")));
            ok(owner.api("PUT", "/api/v1/contacts/" + contact,
                    Map.of("name", "Rita Round", "phone", phone, "email", "rita@example.com", "notes", "")));
            fixture.invite(account.owner(), "Nell New", TeamFixture.unique("nell"), "member", account.firstProfileId());
            ok(owner.api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", Map.of("handover", "keep")));

            Set<String> kinds = java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName)
                    .collect(Collectors.toSet());
            await("one request of every kind", () -> receiver.received().stream().filter(Received::accepted)
                    .map(request -> type(request)).collect(Collectors.toSet()).containsAll(kinds));

            IndependentWebhookVerifier verifier = new IndependentWebhookVerifier(secret);
            for (Received request : receiver.received()) {
                verifier.verify(request.messageId(), request.header("webhook-timestamp"), request.header("webhook-signature"),
                        request.body(), clock.instant());
            }
            List<String> conversationEvents = receiver.received().stream()
                    .filter(request -> conversation.toString().equals(conversationIdOf(request)))
                    .map(WebhookEndToEndIntegrationTests::type).toList();
            assertThat(conversationEvents).as("one conversation's events, in the order they happened")
                    .containsExactly("lead.created", "message.received", "message.sent", "conversation.assigned", "conversation.closed");
            assertThat(receiver.received()).extracting(WebhookEndToEndIntegrationTests::type)
                    .as("exactly one delivery per change").hasSize(8);
        } finally {
            ok(owner.api("POST", "/api/v1/webhooks/" + endpointId + "/disable", null));
        }
    }

    private static String type(Received request) {
        return WebSession.JSON.readTree(request.body()).get("type").asString();
    }

    private static String conversationIdOf(Received request) {
        JsonNode data = WebSession.JSON.readTree(request.body()).get("data");
        return data.has("conversation") ? data.at("/conversation/id").asString() : null;
    }

    private static void ok(WebSession.Page answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 204);
    }
}
