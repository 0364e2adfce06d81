package com.leadline.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, the endpoints of outgoing webhooks through the API (PERMISSIONS.md row 20): who chooses which
 * profiles, the destination rule at save, the secret shown once and its rotation, the test event, Resend, Sync
 * now, the delivery log, and bad input refused with nothing changed.
 */
class WebhookEndpointsIntegrationTests extends IntegrationTest {

    /** A loopback address nobody listens on (the tests allow http to loopback): nothing here depends on a delivery. */
    private static final String HOOK = "http://127.0.0.1:9/hooks/";

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;
    private JdbcClient db;

    @BeforeEach
    void anAccount() {
        db = databaseOwner();
        fixture = new TeamFixture(port, db);
        account = fixture.openAccount("Hooked Motors");
        owner = account.owner().session();
    }

    @Test
    void theSecretIsShownOnceWhenTheEndpointIsAddedAndNeverAgain() {
        WebSession.Page made = owner.api("POST", "/api/v1/webhooks", settings(HOOK + "once", List.of(account.firstProfileId()), false,
                List.of("lead.created", "message.received")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode body = WebSession.json(made);
        String secret = body.get("secret").asString();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        String id = body.get("endpoint").get("id").asString();
        assertThat(body.get("endpoint").get("events").toString()).isEqualTo("[\"lead.created\",\"message.received\"]");
        assertThat(db.sql("SELECT secret FROM webhook_endpoints WHERE id = :id").param("id", UUID.fromString(id)).query(String.class)
                .single()).isEqualTo(secret);

        WebSession.Page read = owner.api("GET", "/api/v1/webhooks/" + id, null);
        WebSession.Page list = owner.api("GET", "/api/v1/webhooks", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(list.body()).contains(id);
        for (WebSession.Page page : List.of(read, list, owner.get("/settings/integrations"), owner.get("/settings/integrations/webhooks/" + id))) {
            assertThat(page.body()).doesNotContain(secret).doesNotContain(secret.substring(6, 20));
        }
        assertThat(db.sql("SELECT details::text FROM audit_log WHERE account_id = :a AND action = 'webhook.created'")
                .param("a", account.id()).query(String.class).single()).contains(HOOK + "once").doesNotContain(secret.substring(6));
    }

    @Test
    void anAdminChoosesOnlyProfilesTheyWorkInAndTheOwnerAndPartnerAdminsMayChooseAll() {
        UUID east = fixture.addProfile(account, "East");
        WebSession admin = fixture.join(account.owner(), "admin", account.firstProfileId()).session();
        int before = endpointsOfAccount();

        assertThat(admin.api("POST", "/api/v1/webhooks", settings(HOOK + "a", List.of(account.firstProfileId()), false,
                List.of("lead.created"))).status()).isEqualTo(201);
        WebSession.Page notTheirs = admin.api("POST", "/api/v1/webhooks", settings(HOOK + "b", List.of(east), false, List.of("lead.created")));
        assertThat(notTheirs.status()).isEqualTo(422);
        assertThat(WebSession.json(notTheirs).get("errors").get("profileIds").asString()).contains("profiles you work in");
        WebSession.Page all = admin.api("POST", "/api/v1/webhooks", settings(HOOK + "c", List.of(), true, List.of("lead.created")));
        assertThat(all.status()).isEqualTo(422);
        assertThat(WebSession.json(all).get("errors").get("profileIds").asString()).contains("All profiles");
        assertThat(endpointsOfAccount()).isEqualTo(before + 1);

        assertThat(owner.api("POST", "/api/v1/webhooks", settings(HOOK + "d", List.of(), true, List.of("lead.created"))).status())
                .isEqualTo(201);
        WebSession partner = fixture.partnerWorkingIn(account.id(), "admin");
        assertThat(partner.api("POST", "/api/v1/webhooks", settings(HOOK + "e", List.of(east), false, List.of("contact.updated"))).status())
                .isEqualTo(201);
        assertThat(db.sql("SELECT all_profiles FROM webhook_endpoints WHERE account_id = :a AND url = :u").param("a", account.id())
                .param("u", HOOK + "d").query(Boolean.class).single()).isTrue();

        // Row 20: team members and read-only partners configure nothing.
        WebSession member = fixture.join(account.owner(), "member", account.firstProfileId()).session();
        WebSession readOnly = fixture.partnerWorkingIn(account.id(), "read_only");
        for (WebSession refused : List.of(member, readOnly)) {
            assertThat(refused.api("POST", "/api/v1/webhooks", settings(HOOK + "f", List.of(account.firstProfileId()), false,
                    List.of("lead.created"))).status()).isEqualTo(403);
            assertThat(refused.api("GET", "/api/v1/webhooks", null).status()).isEqualTo(403);
            assertThat(refused.get("/settings/integrations").status()).isEqualTo(403);
            assertThat(refused.open("/team").document().select("#account-menu [role=menuitem]").eachText())
                    .as("no menu item for a page they may not use").contains("Team").doesNotContain("Integrations");
        }
        for (WebSession allowed : List.of(admin, partner)) {
            assertThat(allowed.open("/team").document().select("#account-menu [role=menuitem]").eachText()).contains("Integrations");
        }
        assertThat(endpointsOfAccount()).isEqualTo(before + 3);
    }

    @Test
    void anAdminSeesOnlyEndpointsCoveringProfilesTheyWorkIn() {
        UUID east = fixture.addProfile(account, "East");
        WebSession firstAdmin = fixture.join(account.owner(), "admin", account.firstProfileId()).session();
        WebSession eastAdmin = fixture.join(account.owner(), "admin", east).session();
        String ofFirst = create(owner, HOOK + "first", List.of(account.firstProfileId()), false, List.of("lead.created"));
        String ofBoth = create(owner, HOOK + "both", List.of(account.firstProfileId(), east), false, List.of("lead.created"));
        String ofAll = create(owner, HOOK + "all", List.of(), true, List.of("lead.created"));

        String firstList = firstAdmin.api("GET", "/api/v1/webhooks", null).body();
        assertThat(firstList).contains(ofFirst).doesNotContain(ofBoth).doesNotContain(ofAll);
        assertThat(eastAdmin.api("GET", "/api/v1/webhooks", null).body()).doesNotContain(ofFirst).doesNotContain(ofBoth);
        assertThat(firstAdmin.api("GET", "/api/v1/webhooks/" + ofFirst, null).status()).isEqualTo(200);
        for (String hidden : List.of(ofBoth, ofAll)) {
            assertThat(firstAdmin.api("GET", "/api/v1/webhooks/" + hidden, null).status()).isEqualTo(404);
            assertThat(firstAdmin.api("POST", "/api/v1/webhooks/" + hidden + "/disable", null).status()).isEqualTo(404);
            assertThat(firstAdmin.get("/settings/integrations/webhooks/" + hidden).status()).isEqualTo(404);
        }
        assertThat(eastAdmin.api("POST", "/api/v1/webhooks/" + ofFirst + "/rotate-secret", null).status()).isEqualTo(404);
        assertThat(db.sql("SELECT count(*) FROM webhook_endpoints WHERE account_id = :a AND (NOT enabled OR previous_secret IS NOT NULL)")
                .param("a", account.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void privateAndMetadataAddressesAreRefusedAtSaveNamingTheUrlField() {
        String id = create(owner, HOOK + "kept", List.of(account.firstProfileId()), false, List.of("lead.created"));
        int before = endpointsOfAccount();
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/", "https://192.168.1.10/hook", "ftp://example.com/x")) {
            WebSession.Page refused = owner.api("POST", "/api/v1/webhooks", settings(url, List.of(account.firstProfileId()), false,
                    List.of("lead.created")));
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(WebSession.json(refused).get("errors").has("url")).as(url).isTrue();
            WebSession.Page edit = owner.api("PUT", "/api/v1/webhooks/" + id, settings(url, List.of(account.firstProfileId()), false,
                    List.of("lead.created")));
            assertThat(edit.status()).as(url).isEqualTo(422);
            assertThat(WebSession.json(edit).get("errors").has("url")).isTrue();
        }
        assertThat(WebSession.json(owner.api("POST", "/api/v1/webhooks", settings("https://10.0.0.1/hook", List.of(), false,
                List.of()))).get("errors").properties()).as("every field's error at once").hasSize(3);
        assertThat(endpointsOfAccount()).isEqualTo(before);
        assertThat(db.sql("SELECT url FROM webhook_endpoints WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single())
                .isEqualTo(HOOK + "kept");
        // The form says it beside the field, keeping what was typed.
        owner.get("/settings/integrations/webhooks/new");
        WebSession.Page form = owner.post("/settings/integrations/webhooks", Map.of("url", "https://169.254.169.254/",
                "description", "Metadata", "profileIds", account.firstProfileId().toString(), "events", "lead.created"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.document().select("#url-error").text()).contains("private or local address");
        assertThat(form.document().select("#field-url").attr("value")).isEqualTo("https://169.254.169.254/");
        assertThat(form.document().select("#field-description").attr("value")).isEqualTo("Metadata");
        assertThat(form.document().select(".error-summary").text()).contains("private or local address");
        assertThat(endpointsOfAccount()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() {
        String id = create(owner, HOOK + "steady", List.of(account.firstProfileId()), false, List.of("lead.created"));
        TeamFixture.Account elsewhere = fixture.openAccount("Elsewhere Hooks");
        String theirs = create(elsewhere.owner().session(), HOOK + "theirs", List.of(elsewhere.firstProfileId()), false,
                List.of("lead.created"));
        int before = endpointsOfAccount();
        String version = endpointRow(id);

        assertThat(owner.api("POST", "/api/v1/webhooks", "{\"url\": \"" + HOOK + "x\", \"events\": [").status()).isEqualTo(400);
        assertThat(owner.api("PUT", "/api/v1/webhooks/" + id, "not json").status()).isEqualTo(400);
        Map<String, String> fieldOf = Map.of("description", "x".repeat(201), "events", "lead.exploded", "profileIds",
                elsewhere.firstProfileId().toString());
        fieldOf.forEach((field, value) -> {
            Map<String, Object> body = settings(HOOK + "bad", List.of(account.firstProfileId()), false, List.of("lead.created"));
            if (field.equals("description")) {
                body.put("description", value);
            } else {
                body.put(field, List.of(value));
            }
            for (String[] call : new String[][] {{"POST", "/api/v1/webhooks"}, {"PUT", "/api/v1/webhooks/" + id}}) {
                WebSession.Page refused = owner.api(call[0], call[1], body);
                assertThat(refused.status()).as(field).isEqualTo(422);
                assertThat(WebSession.json(refused).get("errors").has(field)).as(refused.body()).isTrue();
            }
        });
        Map<String, Object> twoLines = settings(HOOK + "bad", List.of(account.firstProfileId()), false, List.of("lead.created"));
        twoLines.put("description", "First line\nsecond line");
        assertThat(WebSession.json(owner.api("POST", "/api/v1/webhooks", twoLines)).get("errors").get("description").asString())
                .contains("one line");

        // Another account's endpoint, and ids that are no ids, are unknown.
        for (String other : List.of(theirs, "not-an-id", UUID.randomUUID().toString())) {
            assertThat(owner.api("GET", "/api/v1/webhooks/" + other, null).status()).as(other).isEqualTo(404);
            assertThat(owner.api("PUT", "/api/v1/webhooks/" + other, settings(HOOK + "y", List.of(account.firstProfileId()), false,
                    List.of("lead.created"))).status()).isEqualTo(404);
            assertThat(owner.api("POST", "/api/v1/webhooks/" + other + "/test", null).status()).isEqualTo(404);
            assertThat(owner.api("POST", "/api/v1/webhooks/" + other + "/sync", null).status()).isEqualTo(404);
            assertThat(owner.api("GET", "/api/v1/webhooks/" + other + "/deliveries", null).status()).isEqualTo(404);
            assertThat(owner.get("/settings/integrations/webhooks/" + other).status()).isEqualTo(404);
        }
        long theirDelivery = WebSession.json(elsewhere.owner().session().api("POST", "/api/v1/webhooks/" + theirs + "/test", null))
                .get("deliveryId").asLong();
        assertThat(owner.api("POST", "/api/v1/webhooks/" + id + "/deliveries/" + theirDelivery + "/resend", null).status()).isEqualTo(404);
        assertThat(owner.api("POST", "/api/v1/webhooks/" + theirs + "/deliveries/" + theirDelivery + "/resend", null).status())
                .isEqualTo(404);
        assertThat(owner.api("POST", "/api/v1/webhooks/" + id + "/deliveries/abc/resend", null).status()).isEqualTo(404);

        assertThat(endpointsOfAccount()).isEqualTo(before);
        assertThat(endpointRow(id)).isEqualTo(version);
        assertThat(deliveriesOf(id)).isZero();
        assertThat(deliveriesOf(theirs)).isEqualTo(1);
    }

    @Test
    void aRotatedSecretKeepsThePreviousOneSigningUntilTheGracePeriodEnds() {
        WebSession.Page made = owner.api("POST", "/api/v1/webhooks", settings(HOOK + "rotate", List.of(account.firstProfileId()), false,
                List.of("lead.created")));
        String first = WebSession.json(made).get("secret").asString();
        String id = WebSession.json(made).get("endpoint").get("id").asString();
        Instant rotatedAt = clock.instant();
        WebSession.Page rotated = owner.api("POST", "/api/v1/webhooks/" + id + "/rotate-secret", null);
        assertThat(rotated.status()).isEqualTo(200);
        String second = WebSession.json(rotated).get("secret").asString();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        Instant until = Instant.parse(WebSession.json(rotated).get("previousSecretValidUntil").asString());
        assertThat(until).isEqualTo(rotatedAt.plus(Duration.ofHours(24)));
        Map<String, Object> stored = db.sql("SELECT secret, previous_secret, previous_secret_until FROM webhook_endpoints WHERE id = :id")
                .param("id", UUID.fromString(id)).query().singleRow();
        assertThat(stored.get("secret")).isEqualTo(second);
        assertThat(stored.get("previous_secret")).isEqualTo(first);

        JsonNode read = WebSession.json(owner.api("GET", "/api/v1/webhooks/" + id, null));
        assertThat(read.get("previousSecretValidUntil").asString()).isEqualTo(until.toString());
        assertThat(read.toString()).doesNotContain(first.substring(6)).doesNotContain(second.substring(6));
        assertThat(owner.get("/settings/integrations/webhooks/" + id).document().select(".rotation-grace").text())
                .contains("both the new and the previous secret until");
        try {
            clock.advance(Duration.ofHours(24).plusSeconds(1));
            assertThat(WebSession.json(owner.api("GET", "/api/v1/webhooks/" + id, null)).get("previousSecretValidUntil").isNull()).isTrue();
            assertThat(owner.get("/settings/integrations/webhooks/" + id).document().select(".rotation-grace")).isEmpty();
        } finally {
            clock.resetToNow();
        }
        assertThat(db.sql("SELECT details::text FROM audit_log WHERE account_id = :a AND action = 'webhook.secret_rotated'")
                .param("a", account.id()).query(String.class).single()).doesNotContain(first.substring(6)).doesNotContain(second.substring(6));
    }

    @Test
    void aTestEventIsQueuedAndAResendCopiesItsMessageIdEventAndBody() {
        String id = create(owner, HOOK + "test", List.of(account.firstProfileId()), false, List.of("lead.created"));
        WebSession.Page sent = owner.api("POST", "/api/v1/webhooks/" + id + "/test", null);
        assertThat(sent.status()).isEqualTo(202);
        long delivery = WebSession.json(sent).get("deliveryId").asLong();
        Map<String, Object> row = db.sql("SELECT * FROM webhook_deliveries WHERE id = :id").param("id", delivery).query().singleRow();
        assertThat(row.get("event_type")).isEqualTo("webhook.test");
        assertThat(row.get("ordering_key")).isNull();
        // The relay takes it at once after commit; port 9 answers nothing, so it waits for its retry or is still in flight.
        assertThat(row.get("status")).isIn("pending", "sending");
        JsonNode payload = WebSession.JSON.readTree((String) row.get("payload"));
        assertThat(payload.get("type").asString()).isEqualTo("webhook.test");
        assertThat(payload.get("version").asInt()).isEqualTo(1);
        assertThat(payload.get("data").get("endpointId").asString()).isEqualTo(id);

        WebSession.Page resent = owner.api("POST", "/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/resend", null);
        assertThat(resent.status()).isEqualTo(202);
        long again = WebSession.json(resent).get("deliveryId").asLong();
        assertThat(again).isGreaterThan(delivery);
        Map<String, Object> copy = db.sql("SELECT * FROM webhook_deliveries WHERE id = :id").param("id", again).query().singleRow();
        for (String column : List.of("message_id", "event_type", "ordering_key", "payload", "endpoint_id")) {
            assertThat(copy.get(column)).as(column).isEqualTo(row.get(column));
        }
        assertThat(copy.get("status")).isIn("pending", "sending");

        // The log, newest first, a page at a time.
        owner.api("POST", "/api/v1/webhooks/" + id + "/test", null);
        JsonNode first = WebSession.json(owner.api("GET", "/api/v1/webhooks/" + id + "/deliveries?limit=2", null));
        assertThat(first.get("deliveries")).hasSize(2);
        assertThat(first.get("deliveries").get(1).get("id").asLong()).isEqualTo(again);
        JsonNode second = WebSession.json(owner.api("GET", "/api/v1/webhooks/" + id + "/deliveries?limit=2&before="
                + first.get("next").asString(), null));
        assertThat(second.get("deliveries")).hasSize(1);
        assertThat(second.get("deliveries").get(0).get("id").asLong()).isEqualTo(delivery);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(second.get("deliveries").get(0).get("status").asString()).isIn("pending", "sending");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action IN ('webhook.test_sent', 'webhook.resent')")
                .param("a", account.id()).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aDisabledEndpointQueuesNothingUntilEnabledAgain() {
        String id = create(owner, HOOK + "off", List.of(account.firstProfileId()), false, List.of("lead.created"));
        JsonNode off = WebSession.json(owner.api("POST", "/api/v1/webhooks/" + id + "/disable", null));
        assertThat(off.get("enabled").asBoolean()).isFalse();
        assertThat(off.get("disabledReason").asString()).startsWith("Disabled by ");
        assertThat(owner.api("POST", "/api/v1/webhooks/" + id + "/test", null).status()).isEqualTo(409);
        assertThat(owner.api("POST", "/api/v1/webhooks/" + id + "/sync", null).status()).isEqualTo(409);
        assertThat(deliveriesOf(id)).isZero();
        assertThat(WebSession.json(owner.api("POST", "/api/v1/webhooks/" + id + "/enable", null)).get("enabled").asBoolean()).isTrue();
        assertThat(owner.api("POST", "/api/v1/webhooks/" + id + "/test", null).status()).isEqualTo(202);
        assertThat(db.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE account_id = :a AND action LIKE 'webhook.%'")
                .param("a", account.id()).query(String.class).single())
                .isEqualTo("webhook.created,webhook.disabled,webhook.enabled,webhook.test_sent");
    }

    @Test
    void syncNowQueuesContactUpdatedForEveryContactOfTheCoveredProfilesInPagesAndNoneOfOthers() throws InterruptedException {
        UUID east = fixture.addProfile(account, "East");
        UUID west = fixture.addProfile(account, "West");
        Set<UUID> covered = new HashSet<>(contacts(account.firstProfileId(), 700));
        covered.addAll(contacts(east, 450));
        Set<UUID> notCovered = new HashSet<>(contacts(west, 5));
        String id = create(owner, HOOK + "sync", List.of(account.firstProfileId(), east), false, List.of("lead.created"));

        WebSession.Page started = owner.api("POST", "/api/v1/webhooks/" + id + "/sync", null);
        assertThat(started.status()).isEqualTo(202);
        JsonNode sync = WebSession.json(started);
        for (int wait = 0; wait < 300 && !sync.get("finished").asBoolean(); wait++) {
            Thread.sleep(100);
            sync = WebSession.json(owner.api("GET", "/api/v1/webhooks/" + id, null)).get("sync");
        }
        assertThat(sync.get("finished").asBoolean()).as(sync.toString()).isTrue();
        assertThat(sync.get("queued").asInt()).isEqualTo(1150);
        assertThat(sync.get("error").isNull()).isTrue();

        List<Map<String, Object>> queued = db.sql("""
                        SELECT ordering_key, event_type, payload, message_id FROM webhook_deliveries WHERE endpoint_id = :e""")
                .param("e", UUID.fromString(id)).query().listOfRows();
        assertThat(queued).hasSize(1150).allSatisfy(row -> assertThat(row.get("event_type")).isEqualTo("contact.updated"));
        Set<UUID> keys = new HashSet<>();
        queued.forEach(row -> keys.add((UUID) row.get("ordering_key")));
        assertThat(keys).isEqualTo(covered).doesNotContainAnyElementsOf(notCovered);
        assertThat(queued.stream().map(row -> row.get("message_id")).distinct()).hasSize(1150);
        JsonNode payload = WebSession.JSON.readTree((String) queued.get(0).get("payload"));
        assertThat(payload.get("type").asString()).isEqualTo("contact.updated");
        JsonNode contact = payload.get("data").get("contact");
        assertThat(contact.get("id").asString()).isEqualTo(queued.get(0).get("ordering_key").toString());
        assertThat(contact.get("name").asString()).startsWith("Synced ");
        assertThat(contact.has("profileId") && contact.has("phone") && contact.has("email") && contact.has("notes")).isTrue();
        assertThat(owner.get("/settings/integrations/webhooks/" + id).document().select(".sync-finished").text())
                .contains("1150 contacts queued");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action = 'webhook.sync_started'")
                .param("a", account.id()).query(Integer.class).single()).isEqualTo(1);
    }

    private List<UUID> contacts(UUID profile, int count) {
        return db.sql("""
                        INSERT INTO contacts (id, account_id, profile_id, name, notes, created_at)
                        SELECT gen_random_uuid(), :a, :p, 'Synced ' || n, 'Note ' || n, now() FROM generate_series(1, :count) n
                        RETURNING id""")
                .param("a", account.id()).param("p", profile).param("count", count).query(UUID.class).list();
    }

    private int endpointsOfAccount() {
        return db.sql("SELECT count(*) FROM webhook_endpoints WHERE account_id = :a").param("a", account.id()).query(Integer.class).single();
    }

    private int deliveriesOf(String endpoint) {
        return db.sql("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = :e").param("e", UUID.fromString(endpoint))
                .query(Integer.class).single();
    }

    private String endpointRow(String id) {
        return db.sql("SELECT url || description || all_profiles || profile_ids::text || event_types::text || secret || version "
                + "FROM webhook_endpoints WHERE id = :id").param("id", UUID.fromString(id)).query(String.class).single();
    }

    private static String create(WebSession session, String url, List<UUID> profiles, boolean all, List<String> events) {
        WebSession.Page made = session.api("POST", "/api/v1/webhooks", settings(url, profiles, all, events));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return WebSession.json(made).get("endpoint").get("id").asString();
    }

    static Map<String, Object> settings(String url, List<UUID> profiles, boolean all, List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("description", "Our CRM");
        body.put("allProfiles", all);
        body.put("profileIds", profiles.stream().map(UUID::toString).toList());
        body.put("events", events);
        return body;
    }
}
