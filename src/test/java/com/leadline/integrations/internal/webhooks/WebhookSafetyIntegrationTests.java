package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.integrations.internal.webhooks.WebhookReceiver.Answer;
import com.leadline.platform.InvalidInputException;
import com.leadline.testing.TeamFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound safety at delivery, with the application's own sender: the destination is checked again at
 * every attempt and the connection goes only to the addresses that check approved; redirects are not followed.
 */
class WebhookSafetyIntegrationTests extends WebhookTest {

    private WebhookReceiver receiver;
    private WebhookReceiver second;

    @BeforeEach
    void startReceivers() throws Exception {
        receiver = new WebhookReceiver(clock::instant);
        second = new WebhookReceiver(clock::instant);
    }

    @AfterEach
    void stopReceivers() {
        receiver.close();
        second.close();
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAtSave() {
        String name = "intranet-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        hostResolver.map(name, "10.0.0.7");

        assertThatThrownBy(() -> destinations.checkAtSave("http://" + name + ":" + receiver.port() + "/hooks"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.fieldErrors().get("url")).contains("10.0.0.7"));
    }

    @Test
    void aNameRebindingToAPrivateAddressAfterSaveIsRefusedAtDeliveryAndNothingIsSent() {
        String name = "rebind-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        // The first answer (at save) is the receiver's own address; every later one is private.
        hostResolver.mapThenRebind(name, 1, List.of("127.0.0.1"), List.of("10.0.0.1"));
        String url = "http://" + name + ":" + receiver.port() + "/hooks";
        assertThat(destinations.checkAtSave(url).getHost()).isEqualTo(name);
        TeamFixture.Account account = team().openAccount("Rebinding Hooks");
        Endpoint endpoint = endpoint(account, url, WebhookEventType.LEAD_CREATED);

        enqueue(account.id(), WebhookEventType.LEAD_CREATED, UUID.randomUUID(), Map.of("lead", 1));

        await("the refused attempt recorded", () -> retryWaiting(endpoint));
        Delivery delivery = deliveries(endpoint.id()).get(0);
        assertThat(attempts(delivery.id())).singleElement().satisfies(attempt -> {
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).startsWith("Not sent:").contains("10.0.0.1").contains("private or local");
        });
        assertThat(receiver.received()).isEmpty();
        assertThat(second.received()).isEmpty();
    }

    @Test
    void theConnectionGoesToTheAddressTheDeliveryCheckApprovedWithoutAnotherLookup() {
        String name = "pinned-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        // Save and the delivery's check see the receiver; any third lookup would see a private address (and the
        // system resolver, which this machine's client would otherwise use, knows no *.test name at all).
        hostResolver.mapThenRebind(name, 2, List.of("127.0.0.1"), List.of("10.0.0.1"));
        String url = "http://" + name + ":" + receiver.port() + "/pinned";
        destinations.checkAtSave(url);
        TeamFixture.Account account = team().openAccount("Pinned Hooks");
        Endpoint endpoint = endpoint(account, url, WebhookEventType.LEAD_CREATED);

        enqueue(account.id(), WebhookEventType.LEAD_CREATED, UUID.randomUUID(), Map.of("lead", 2));

        await("the delivery recorded", () -> deliveries(endpoint.id()).get(0).status().equals("delivered"));
        assertThat(receiver.received()).singleElement().satisfies(request -> assertThat(request.header("host")).startsWith(name));
    }

    @Test
    void aRedirectIsNotFollowedAndIsAFailedAttemptWithItsStatus() {
        receiver.answering(request -> new Answer(302, Duration.ZERO, Map.of("Location", second.url("/stolen")), ""));
        TeamFixture.Account account = team().openAccount("Redirecting Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/moved"), WebhookEventType.CONTACT_UPDATED);

        enqueue(account.id(), WebhookEventType.CONTACT_UPDATED, UUID.randomUUID(), Map.of("contact", 1));

        await("the redirect recorded", () -> retryWaiting(endpoint));
        Delivery delivery = deliveries(endpoint.id()).get(0);
        assertThat(attempts(delivery.id())).singleElement().satisfies(attempt -> {
            assertThat(attempt.statusCode()).isEqualTo(302);
            assertThat(attempt.error()).contains("Redirect not followed").contains(second.url("/stolen"));
        });
        assertThat(receiver.received()).hasSize(1);
        assertThat(second.received()).as("the redirect's target").isEmpty();
    }

    @Test
    void aRedirectToAPrivateAddressIsNotFollowedEither() {
        receiver.answering(request -> new Answer(307, Duration.ZERO, Map.of("Location", "http://169.254.169.254/latest/meta-data"), ""));
        TeamFixture.Account account = team().openAccount("Metadata Redirect Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/meta"), WebhookEventType.CONTACT_UPDATED);

        enqueue(account.id(), WebhookEventType.CONTACT_UPDATED, UUID.randomUUID(), Map.of("contact", 2));

        await("the redirect recorded", () -> retryWaiting(endpoint));
        assertThat(attempts(deliveries(endpoint.id()).get(0).id())).extracting(AttemptRow::statusCode).containsExactly(307);
    }

    @Test
    void aLongAnswerIsKeptAsASnippetOfAThousandCharacters() {
        receiver.answering(request -> new Answer(200, Duration.ZERO, Map.of(), "é".repeat(200_000)));
        TeamFixture.Account account = team().openAccount("Chatty Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/chatty"), WebhookEventType.MEMBER_INVITED);

        enqueue(account.id(), WebhookEventType.MEMBER_INVITED, null, Map.of("member", 1));

        await("the delivery recorded", () -> deliveries(endpoint.id()).get(0).status().equals("delivered"));
        assertThat(attempts(deliveries(endpoint.id()).get(0).id())).singleElement()
                .satisfies(attempt -> assertThat(attempt.response()).isEqualTo("é".repeat(1000)));
    }

    @Test
    void aDisabledEndpointsQueuedDeliveriesWaitUnsent() {
        TeamFixture.Account account = team().openAccount("Disabled Hooks");
        Endpoint endpoint = endpoint(account, receiver.url("/off"), WebhookEventType.LEAD_CREATED);
        owner().sql("UPDATE webhook_endpoints SET enabled = false, disabled_at = now(), disabled_reason = 'off' WHERE id = :id")
                .param("id", endpoint.id()).update();
        transactions.executeWithoutResult(status -> tenancy.inAccount(account.id(), () -> outbox.enqueueFor(account.id(),
                endpoint.id(), WebhookOutbox.newMessageId(), "lead.created", null, "{}", clock.instant())));

        relay.deliverDue();

        assertThat(receiver.received()).isEmpty();
        assertThat(deliveries(endpoint.id())).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo("pending");
            assertThat(delivery.attempts()).isZero();
        });
    }
}
