package com.leadline.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.FakeSmsProvider;
import com.leadline.testing.SmsProviderTest;
import com.leadline.testing.TeamFixture;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider's webhooks as the provider sends them: form-encoded, signed over the URL Leadline gave
 * it. Only a valid signature counts; what is refused creates nothing.
 */
class TwilioWebhooksIntegrationTests extends SmsProviderTest {

    private static final String INBOUND = "http://leadline.test/webhooks/sms/twilio/inbound";

    private final FakeSmsProvider fake = FakeSmsProvider.get();
    private SignedWebhooks webhooks;
    private TeamFixture.Account account;
    private String profileNumber;
    private String lead;

    @BeforeEach
    void aProfileWithANumber() {
        webhooks = new SignedWebhooks(port);
        account = new TeamFixture(port, databaseOwner()).openAccount("Webhook Windows");
        profileNumber = givenATextingNumber(account);
        lead = TeamFixture.uniquePhoneNumber();
    }

    @Test
    void aSignedInboundTextIsFiledWithItsMediaAndAReplayedProviderIdOnce() {
        Map<String, String> text = text("SM" + UUID.randomUUID().toString().replace("-", ""), "Is this the roof place?");
        text.put("NumMedia", "2");
        text.put("MediaUrl0", "https://media.example/photo-1.jpg");
        text.put("MediaUrl1", "https://media.example/photo-2.jpg");

        HttpResponse<String> first = post("/webhooks/sms/twilio/inbound", text, sign(INBOUND, text));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(first.body()).contains("<Response></Response>");
        assertThat(post("/webhooks/sms/twilio/inbound", text, sign(INBOUND, text)).statusCode()).as("the provider retries").isEqualTo(200);

        assertThat(databaseOwner().sql("""
                        SELECT m.body, m.provider_message_id, array_to_string(m.media_urls, ' ') AS media FROM messages m
                        JOIN conversations c ON c.id = m.conversation_id WHERE c.account_id = :a AND c.contact_phone = :lead""")
                .param("a", account.id()).param("lead", lead).query().listOfRows())
                .singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("body", "Is this the roof place?").containsEntry("provider_message_id", text.get("MessageSid"))
                        .containsEntry("media", "https://media.example/photo-1.jpg https://media.example/photo-2.jpg"));
    }

    @Test
    void aWrongOrMissingSignatureAChangedParameterAndAUrlFromASpoofedHostAreRefusedWithNothingCreated() {
        Map<String, String> text = text("SMspoof" + UUID.randomUUID().toString().substring(0, 8), "Hi");
        String valid = sign(INBOUND, text);
        Map<String, String> changed = new LinkedHashMap<>(text);
        changed.put("Body", "Hi, send me your card details");

        assertThat(post("/webhooks/sms/twilio/inbound", text, "bm90IGEgc2lnbmF0dXJl").statusCode()).as("wrong").isEqualTo(403);
        assertThat(post("/webhooks/sms/twilio/inbound", text, null).statusCode()).as("missing").isEqualTo(403);
        assertThat(post("/webhooks/sms/twilio/inbound", changed, valid).statusCode()).as("a changed parameter").isEqualTo(403);
        assertThat(post("/webhooks/sms/twilio/inbound?Body=x", text, valid).statusCode()).as("a parameter added in the URL").isEqualTo(403);
        String hostUrl = "http://localhost:" + port + "/webhooks/sms/twilio/inbound";
        assertThat(post("/webhooks/sms/twilio/inbound", text, sign(hostUrl, text)).statusCode())
                .as("signed over the URL a Host header would build").isEqualTo(403);

        assertThat(contactsWith(lead)).isZero();
        assertThat(post("/webhooks/sms/twilio/inbound", text, valid).statusCode()).as("the same request, signed right").isEqualTo(200);
        assertThat(contactsWith(lead)).isEqualTo(1);
    }

    /** The signature is over the parameters as the provider sent them: words beyond ASCII are read and checked as UTF-8. */
    @Test
    void aSignedTextInAnyLanguageIsFiledWordForWord() {
        Map<String, String> text = text("SM" + UUID.randomUUID().toString().replace("-", ""), "Olá! ¿Cuánto cuesta? Zażółć gęślą jaźń 😀");
        assertThat(post("/webhooks/sms/twilio/inbound", text, sign(INBOUND, text)).statusCode()).isEqualTo(200);
        assertThat(databaseOwner().sql("""
                        SELECT m.body FROM messages m JOIN conversations c ON c.id = m.conversation_id
                        WHERE c.account_id = :a AND c.contact_phone = :lead""")
                .param("a", account.id()).param("lead", lead).query(String.class).single())
                .isEqualTo("Olá! ¿Cuánto cuesta? Zażółć gęślą jaźń 😀");
    }

    @Test
    void aTextToANumberNoProfileHasIsRefused() {
        Map<String, String> text = text("SMunknown" + UUID.randomUUID().toString().substring(0, 8), "Hello?");
        text.put("To", TeamFixture.uniquePhoneNumber());
        HttpResponse<String> refused = post("/webhooks/sms/twilio/inbound", text, sign(INBOUND, text));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("No profile texts from the number");
        assertThat(contactsWith(lead)).isZero();
    }

    @Test
    void statusReportsMoveATextForwardOnlyAndNameItsProviderId() {
        long delivered = outboundText("SMdelivered" + UUID.randomUUID().toString().substring(0, 8));
        long failed = outboundText("SMfailed" + UUID.randomUUID().toString().substring(0, 8));
        String deliveredSid = providerId(delivered);
        String failedSid = providerId(failed);

        assertThat(report(delivered, deliveredSid, "sent", null)).isEqualTo(204);
        assertThat(status(delivered)).containsEntry("provider_status", "sent");
        assertThat(report(delivered, deliveredSid, "delivered", null)).isEqualTo(204);
        assertThat(report(delivered, deliveredSid, "sent", null)).as("late, out of order").isEqualTo(204);
        assertThat(status(delivered)).containsEntry("provider_status", "delivered").containsEntry("error_code", null);

        assertThat(report(failed, failedSid, "sent", null)).isEqualTo(204);
        assertThat(report(failed, failedSid, "failed", "30003")).isEqualTo(204);
        assertThat(status(failed)).containsEntry("provider_status", "failed").containsEntry("error_code", "30003")
                .containsEntry("last_error", "The lead's phone is unreachable (switched off or out of coverage).");

        assertThat(report(delivered, "SMsomebodyelse", "failed", "30005")).as("another text's id").isEqualTo(404);
        assertThat(report(Long.MAX_VALUE, deliveredSid, "failed", "30005")).as("no such text").isEqualTo(404);
        assertThat(status(delivered)).containsEntry("provider_status", "delivered");

        Map<String, String> forged = Map.of("MessageSid", deliveredSid, "MessageStatus", "failed", "ErrorCode", "30007");
        assertThat(post("/webhooks/sms/twilio/status/" + delivered, forged, sign(INBOUND, forged)).statusCode())
                .as("signed for another URL").isEqualTo(403);
        assertThat(status(delivered)).containsEntry("provider_status", "delivered");
    }

    /**
     * STOP opts the lead out and is answered once; a reply is then refused and never reaches the
     * provider; START opts them back in and a reply goes out; HELP is answered with the profile's help text.
     */
    @Test
    void stopRefusesRepliesWithoutCallingTheProviderStartAllowsThemAgainAndHelpIsAnswered() {
        databaseOwner().sql("UPDATE profiles SET help_text = 'Webhook Windows: call 415 555 0100, reply STOP to opt out.' WHERE id = :p")
                .param("p", account.firstProfileId()).update();
        inboundText("Do you fix skylights?");
        UUID conversation = databaseOwner().sql("SELECT id FROM conversations WHERE account_id = :a AND contact_phone = :p")
                .param("a", account.id()).param("p", lead).query(UUID.class).single();

        inboundText("Stop");
        awaitTextTo(lead, "you are unsubscribed");
        assertThat(databaseOwner().sql("SELECT opted_out FROM contacts WHERE account_id = :a AND phone = :p")
                .param("a", account.id()).param("p", lead).query(Boolean.class).single()).isTrue();
        int callsBefore = fake.createsTo(lead).size();
        var refused = account.owner().session().api("POST", "/api/v1/conversations/" + conversation + "/replies",
                Map.of("body", "Are you sure? We have a discount"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("texted STOP");
        String thread = account.owner().session().api("GET", "/api/v1/conversations/" + conversation, null).body();
        assertThat(thread).contains("\"contactOptOut\":{\"optedOut\":true").contains("\"kind\":\"auto_reply\"")
                .contains("\"delivery\":{\"status\":\"");
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'outbound'")
                .param("c", conversation).query(Integer.class).single()).isZero();

        inboundText(" START ");
        awaitTextTo(lead, "you are subscribed again");
        assertThat(fake.createsTo(lead)).as("between STOP and START, only the START answer reached the provider")
                .hasSize(callsBefore + 1);
        assertThat(account.owner().session().api("POST", "/api/v1/conversations/" + conversation + "/replies",
                Map.of("body", "Skylights: yes, from 150")).status()).isEqualTo(204);
        awaitTextTo(lead, "Skylights: yes, from 150");

        inboundText("help");
        awaitTextTo(lead, "Webhook Windows: call 415 555 0100, reply STOP to opt out.");
        assertThat(databaseOwner().sql("SELECT opted_out, opt_out_changed_at IS NOT NULL AS changed FROM contacts WHERE account_id = :a AND phone = :p")
                .param("a", account.id()).param("p", lead).query().singleRow())
                .containsEntry("opted_out", false).containsEntry("changed", true);
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'auto_reply'")
                .param("c", conversation).query(Integer.class).single()).isEqualTo(3);
    }

    private void inboundText(String body) {
        Map<String, String> text = text("SM" + UUID.randomUUID().toString().replace("-", ""), body);
        assertThat(post("/webhooks/sms/twilio/inbound", text, sign(INBOUND, text)).statusCode()).isEqualTo(200);
    }

    /** The relay sends after commit on its own thread: wait for the provider to be asked. */
    private void awaitTextTo(String to, String bodyPart) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (fake.createsTo(to).stream().noneMatch(request -> request.parameters().get("Body").contains(bodyPart))) {
            assertThat(System.nanoTime()).as("a text to " + to + " with " + bodyPart).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private int report(long id, String sid, String state, String errorCode) {
        return webhooks.report(id, sid, state, errorCode);
    }

    /** A reply's outbox row as the relay leaves it once the provider took it. */
    private long outboundText(String providerId) {
        Map<String, String> text = text("SMin" + UUID.randomUUID().toString().substring(0, 12), "Quote please");
        assertThat(post("/webhooks/sms/twilio/inbound", text, sign(INBOUND, text)).statusCode()).isEqualTo(200);
        UUID conversation = databaseOwner().sql("SELECT id FROM conversations WHERE account_id = :a AND contact_phone = :p")
                .param("a", account.id()).param("p", lead).query(UUID.class).single();
        UUID message = UUID.randomUUID();
        databaseOwner().sql("""
                        INSERT INTO messages (id, account_id, conversation_id, kind, body, created_at)
                        VALUES (:id, :a, :c, 'outbound', 'Here it is', now())""")
                .param("id", message).param("a", account.id()).param("c", conversation).update();
        lead = TeamFixture.uniquePhoneNumber();
        return databaseOwner().sql("""
                        INSERT INTO text_outbox (account_id, message_id, profile_id, to_phone, body, status, next_attempt_at, created_at,
                                                 sent_at, provider_message_id, provider_status)
                        VALUES (:a, :m, :p, '+14155550000', 'Here it is', 'sent', now(), now(), now(), :sid, 'queued') RETURNING id""")
                .param("a", account.id()).param("m", message).param("p", account.firstProfileId()).param("sid", providerId)
                .query(Long.class).single();
    }

    private String providerId(long id) {
        return (String) status(id).get("provider_message_id");
    }

    private Map<String, Object> status(long id) {
        return databaseOwner().sql("SELECT provider_message_id, provider_status, error_code, last_error FROM text_outbox WHERE id = :id")
                .param("id", id).query().singleRow();
    }

    private Map<String, String> text(String sid, String body) {
        Map<String, String> text = SignedWebhooks.inboundText(lead, profileNumber, body);
        text.put("MessageSid", sid);
        return text;
    }

    private static String sign(String url, Map<String, String> parameters) {
        return SignedWebhooks.sign(url, parameters);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String signature) {
        return webhooks.post(path, form, signature);
    }

    private int contactsWith(String phone) {
        return databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :a AND phone = :p")
                .param("a", account.id()).param("p", phone).query(Integer.class).single();
    }

}
