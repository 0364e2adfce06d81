package com.leadline.leadbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadline.leadbox.LeadboxSeeding;
import com.leadline.platform.Tenancy;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The widget's public routes over real HTTP, as a browser on a business's website calls them: a
 * lead filed once with its name, number, page and auto reply; and every refusal (wrong or missing
 * origin, unknown or disabled key, oversized or malformed body, bad phone, tampered token, honeypot,
 * too fast, rate limits) answered with its status and nothing created.
 */
class LeadIntakeIntegrationTests extends IntegrationTest {

    private static final String SITE = "https://harbor-heating.example";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    LeadboxStore leadboxes;
    @Autowired
    LeadboxSeeding seeding;
    @Autowired
    Tenancy tenancy;
    @Autowired
    TransactionTemplate transactions;

    private TeamFixture.Account account;
    private Leadbox leadbox;

    @BeforeEach
    void aLeadboxForOneWebsite() {
        account = new TeamFixture(port, databaseOwner()).openAccount("Harbor Heating");
        databaseOwner().sql("""
                        UPDATE profiles SET timezone = 'America/New_York', button_name = 'Harbor Help',
                               business_hours = '{"MONDAY": {"opens": "09:00", "closes": "17:00"}}'
                        WHERE id = :p""").param("p", account.firstProfileId()).update();
        WebSession.Page saved = account.owner().session().api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/auto-replies",
                Map.of("newLeadEnabled", true, "newLeadText", "Hi {first_name}, {button_name} got your message!",
                        "afterHoursEnabled", false, "afterHoursText", ""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        leadbox = leadboxAllowing(account, List.of(SITE, "http://127.0.0.1:9999"));
        // A Monday at 10:00 in New York: open.
        clock.setTo(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, NEW_YORK).toInstant());
    }

    @AfterEach
    void realTimeAgain() {
        clock.resetToNow();
    }

    @Test
    void aPersonsFormBecomesANewUnassignedLeadWithItsNamePageAndAutoReplyOnceForOneIdempotencyKey() throws Exception {
        HttpResponse<String> config = get("/widget/v1/" + leadbox.widgetKey(), SITE);
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(config.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
        assertThat(config.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(config.headers().firstValue("Set-Cookie")).as("no cookie for a website's visitors").isEmpty();
        JsonNode look = JSON.readTree(config.body());
        assertThat(look.get("buttonText").asText()).isEqualTo(LeadboxStore.DEFAULT_BUTTON_TEXT);
        assertThat(look.get("consent").asText()).contains("Harbor Heating");
        assertThat(look.get("profiles")).isEmpty();

        Map<String, Object> form = form("Maria Ortega", "(201) 555-0199", "Is the boiler service still on?");
        HttpResponse<String> first = post(leadbox, form, SITE);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
        HttpResponse<String> again = post(leadbox, form, SITE);
        assertThat(again.statusCode()).as("a double submit is answered alike").isEqualTo(201);

        Map<String, Object> lead = databaseOwner().sql("""
                        SELECT ct.name, ct.phone, c.state, c.assignee_id IS NULL AS unassigned, m.source_url, m.body,
                               (SELECT count(*) FROM messages WHERE conversation_id = c.id AND kind = 'inbound') AS inbound,
                               (SELECT string_agg(o.body, '|') FROM text_outbox o JOIN messages a ON a.id = o.message_id
                                WHERE a.conversation_id = c.id) AS auto_reply
                        FROM contacts ct JOIN conversations c ON c.contact_id = ct.id JOIN messages m ON m.conversation_id = c.id
                        WHERE ct.profile_id = :p AND m.kind = 'inbound'""")
                .param("p", account.firstProfileId()).query().singleRow();
        assertThat(lead).containsEntry("name", "Maria Ortega").containsEntry("phone", "+12015550199")
                .containsEntry("state", "new").containsEntry("unassigned", true)
                .containsEntry("source_url", SITE + "/contact?utm=spring").containsEntry("body", "Is the boiler service still on?")
                .containsEntry("inbound", 1L).containsEntry("auto_reply", "Hi Maria, Harbor Help got your message!");

        UUID conversation = databaseOwner().sql("SELECT id FROM conversations WHERE profile_id = :p")
                .param("p", account.firstProfileId()).query(UUID.class).single();
        JsonNode thread = JSON.readTree(account.owner().session().get("/api/v1/conversations/" + conversation).body());
        assertThat(thread.at("/messages/0/channel").asText()).isEqualTo("leadbox");
        assertThat(thread.at("/messages/0/sourceUrl").asText()).isEqualTo(SITE + "/contact?utm=spring");
        assertThat(thread.at("/messages/1/channel").asText()).as("the auto reply").isEqualTo("text");
        assertThat(account.owner().session().get("/inbox?c=" + conversation).body())
                .contains("Lead · Leadbox").contains("Sent from");
    }

    @Test
    void wrongOrMissingOriginsGetNoGrantAndCreateNothing() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(uri("/widget/v1/" + leadbox.widgetKey() + "/leads"))
                .method("OPTIONS", BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .build(), BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> allowedPreflight = HTTP.send(HttpRequest.newBuilder(uri("/widget/v1/" + leadbox.widgetKey() + "/leads"))
                .method("OPTIONS", BodyPublishers.noBody()).header("Origin", SITE)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .build(), BodyHandlers.ofString());
        assertThat(allowedPreflight.statusCode()).isEqualTo(200);
        assertThat(allowedPreflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);

        for (String origin : new String[] {"https://evil.example", "https://harbor-heating.example.evil.example", null}) {
            HttpResponse<String> refused = post(leadbox, form("Eve", "(201) 555-0142", "Hi"), origin);
            assertThat(refused.statusCode()).as(String.valueOf(origin)).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(get("/widget/v1/" + leadbox.widgetKey(), "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(contacts()).isZero();
    }

    @Test
    void unknownMalformedAndDisabledKeysAreNotFound() throws Exception {
        assertThat(post("/widget/v1/" + "A".repeat(22) + "/leads", json(form("Al", "(201) 555-0143", "Hi")), SITE).statusCode())
                .isEqualTo(404);
        assertThat(get("/widget/v1/not-a-key!", SITE).statusCode()).isEqualTo(404);
        Map<String, Object> form = form("Al", "(201) 555-0143", "Hi");
        // Read once, the widget is remembered by this node (RecentWidgets); turning it off must forget it at once.
        assertThat(get("/widget/v1/" + leadbox.widgetKey(), SITE).statusCode()).isEqualTo(200);
        transactions.executeWithoutResult(status -> tenancy.inAccount(account.id(), () -> leadboxes.update(leadbox, false,
                leadbox.appearance(), leadbox.allowedOrigins(), clock.instant())));
        HttpResponse<String> disabled = post(leadbox, form, SITE);
        assertThat(disabled.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(disabled.body()).get("detail").asText()).contains("turned off");
        assertThat(contacts()).isZero();
    }

    @Test
    void oversizedMalformedAndInvalidFormsAreRefusedWithTheirReason() throws Exception {
        Map<String, Object> huge = form("Big", "(201) 555-0144", "x".repeat(70_000));
        assertThat(post(leadbox, huge, SITE).statusCode()).isEqualTo(413);

        HttpResponse<String> malformed = post("/widget/v1/" + leadbox.widgetKey() + "/leads", "{\"name\": ", SITE);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Access-Control-Allow-Origin")).as("the widget can read why").hasValue(SITE);

        HttpResponse<String> badPhone = post(leadbox, form("Pat", "555-01", "Hi"), SITE);
        assertThat(badPhone.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(badPhone.body()).at("/errors/phone").asText()).startsWith("Enter a mobile number we can text, like (201) 555-0123");

        Map<String, Object> empty = form("", "(201) 555-0145", " ");
        empty.remove("idempotencyKey");
        JsonNode errors = JSON.readTree(post(leadbox, empty, SITE).body()).get("errors");
        assertThat(errors.fieldNames()).toIterable().containsExactlyInAnyOrder("name", "message", "idempotencyKey");

        Map<String, Object> tampered = form("Pat", "(201) 555-0146", "Hi");
        String token = (String) tampered.get("formToken");
        tampered.put("formToken", (Long.parseLong(token.substring(0, token.indexOf('.'))) - 60_000) + token.substring(token.indexOf('.')));
        HttpResponse<String> refused = post(leadbox, tampered, SITE);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).at("/errors/formToken").asText()).contains("expired");

        Map<String, Object> expired = form("Pat", "(201) 555-0147", "Hi");
        clock.advance(Duration.ofHours(25));
        assertThat(post(leadbox, expired, SITE).statusCode()).isEqualTo(422);
        assertThat(contacts()).isZero();
    }

    @Test
    void aBotsFormIsAnsweredLikeAPersonsButOnlyLeavesAnAuditEntry() throws Exception {
        Map<String, Object> honeypot = form("Bot", "(201) 555-0148", "Cheap pills");
        honeypot.put("website", "http://spam.example");
        assertThat(post(leadbox, honeypot, SITE).statusCode()).isEqualTo(201);

        Map<String, Object> tooFast = form("Bot", "(201) 555-0149", "Cheap pills");
        tooFast.put("formToken", formToken(leadbox));
        assertThat(post(leadbox, tooFast, SITE).statusCode()).isEqualTo(201);

        assertThat(contacts()).isZero();
        assertThat(databaseOwner().sql("""
                        SELECT details ->> 'reason' FROM audit_log WHERE account_id = :a AND action = 'leadbox.form_dropped'
                        ORDER BY occurred_at""")
                .param("a", account.id()).query(String.class).list()).containsExactly("honeypot", "sent too fast");
    }

    @Test
    void tooManyFormsFromOneClientOrThroughOneKeyAreRefusedWithRetryAfter() throws Exception {
        Map<String, Object> honeypot = form("Bot", "(201) 555-0150", "Again");
        honeypot.put("website", "filled");
        for (int i = 0; i < 10; i++) {
            assertThat(post(leadbox, honeypot, SITE).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> limited = post(leadbox, form("Real", "(201) 555-0151", "Hello"), SITE);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
        assertThat(limited.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
        assertThat(limited.headers().firstValue("Access-Control-Expose-Headers")).as("the panel reads when to try again")
                .hasValue("Retry-After");

        // The key's own count, whoever sends: full for this key, not for another account's.
        jdbc.sql("DELETE FROM rate_limit_windows").update();
        jdbc.sql("INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (:bucket, :now, 600)")
                .param("bucket", "leadbox-intake#" + leadbox.widgetKey()).param("now", Timestamp.from(clock.instant())).update();
        assertThat(post(leadbox, form("Real", "(201) 555-0151", "Hello"), SITE).statusCode()).isEqualTo(429);
        TeamFixture.Account other = new TeamFixture(port, databaseOwner()).openAccount("Other Heating");
        Leadbox others = leadboxAllowing(other, List.of(SITE));
        assertThat(post(others, form(others, "Real", "(201) 555-0151", "Hello"), SITE).statusCode()).isEqualTo(201);
        assertThat(contacts()).isZero();
    }

    /** The owner's first profile's Leadbox, on and usable from exactly these websites, as the seeding port leaves it. */
    private Leadbox leadboxAllowing(TeamFixture.Account owner, List<String> origins) {
        return transactions.execute(status -> tenancy.inAccount(owner.id(), () -> {
            String key = seeding.openTo(owner.id(), owner.firstProfileId(), "Harbor Heating", origins);
            return leadboxes.find(leadboxes.route(key).orElseThrow().leadboxId()).orElseThrow();
        }));
    }

    private long contacts() {
        return databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :a").param("a", account.id())
                .query(Long.class).single();
    }

    /** A form as the panel sends it, with a token issued five seconds before now (past the minimum fill time). */
    private Map<String, Object> form(String name, String phone, String message) throws Exception {
        return form(leadbox, name, phone, message);
    }

    private Map<String, Object> form(Leadbox to, String name, String phone, String message) throws Exception {
        String token = formToken(to);
        clock.advance(Duration.ofSeconds(5));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("phone", phone);
        form.put("message", message);
        form.put("pageUrl", SITE + "/contact?utm=spring");
        form.put("formToken", token);
        form.put("website", "");
        form.put("idempotencyKey", UUID.randomUUID().toString());
        return form;
    }

    private String formToken(Leadbox of) throws Exception {
        HttpResponse<String> issued = get("/widget/v1/" + of.widgetKey() + "/form-token", SITE);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        return JSON.readTree(issued.body()).get("formToken").asText();
    }

    private HttpResponse<String> post(Leadbox to, Map<String, Object> form, String origin) throws Exception {
        return post("/widget/v1/" + to.widgetKey() + "/leads", json(form), origin);
    }

    private HttpResponse<String> post(String path, String body, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String origin) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Origin", origin).build(), BodyHandlers.ofString());
    }

    private static String json(Map<String, Object> form) throws IOException {
        return JSON.writeValueAsString(form);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
