package com.leadline.leadbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The Leadbox settings (docs/leadbox.md, "Settings and embed code") through the API and the pages: the
 * embed code, every field's bounds with nothing saved on a refusal, websites written as browsers send
 * them, the multi-profile Leadbox's order and shown profiles, and the audit entry that leaves the words
 * out. Who may, route by route: TeamAuthorizationMatrixTests (rows 17 and 18).
 */
class LeadboxSettingsIntegrationTests extends IntegrationTest {

    @Value("${leadline.base-url}")
    private String baseUrl;

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;

    @BeforeEach
    void openAccount() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Lantern Plumbing");
        owner = account.owner().session();
    }

    /** S41: a team member gets the embed code of their profile's Leadbox, and nothing to edit. */
    @Test
    void everyoneInTheAccountGetsTheEmbedCodeOfTheLeadboxesTheySeeAndOnlyEditorsGetTheSettings() {
        UUID other = fixture.addProfile(account, "Lantern Heating");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());

        JsonNode ownersList = WebSession.json(owner.api("GET", "/api/v1/leadboxes", null));
        assertThat(ownersList).hasSize(3);
        assertThat(profileIds(ownersList)).containsExactlyInAnyOrder(account.firstProfileId().toString(), other.toString(), "null");
        JsonNode first = leadboxOf(ownersList, account.firstProfileId());
        String key = first.get("embedCode").asString().replaceAll(".*data-leadbox=\"([^\"]+)\".*", "$1");
        assertThat(key).matches("[A-Za-z0-9_-]{16,64}");
        assertThat(first.get("embedCode").asString()).as("exactly one line")
                .isEqualTo("<script src=\"" + baseUrl + "/leadbox.js\" data-leadbox=\"" + key + "\" async></script>");
        assertThat(first.get("editable").asBoolean()).isTrue();
        assertThat(first.get("consent").asString()).as("the default names the business").contains("Lantern Plumbing");
        assertThat(first.get("allowedOrigins")).isEmpty();

        JsonNode membersList = WebSession.json(member.session().api("GET", "/api/v1/leadboxes", null));
        assertThat(profileIds(membersList)).as("their profile's only; the multi-profile one shows every profile")
                .containsExactly(account.firstProfileId().toString());
        assertThat(membersList.get(0).get("embedCode").asString()).as("the same key for everyone").contains(key);
        assertThat(membersList.get(0).get("editable").asBoolean()).isFalse();

        Document page = member.session().get("/leadbox").document();
        assertThat(page.select("h1").text()).isEqualTo("Leadbox");
        assertThat(page.select("nav.side-nav a[aria-current=page]").text()).isEqualTo("Leadbox");
        assertThat(page.select("input.embed-code")).hasSize(1);
        assertThat(page.select("input.embed-code").attr("value")).contains(key);
        assertThat(page.select("input.embed-code").hasAttr("readonly")).isTrue();
        assertThat(page.select("button[data-copy]").text()).isEqualTo("Copy");
        assertThat(page.select("main form, main .leadbox-preview")).as("no settings, no preview").isEmpty();
        assertThat(page.select("a:contains(Edit settings), button:contains(Edit settings)")).isEmpty();

        Document ownersPage = owner.get("/leadbox").document();
        assertThat(ownersPage.select("input.embed-code")).hasSize(3);
        assertThat(ownersPage.select("a:contains(Edit settings)").eachAttr("href")).containsExactlyInAnyOrder(
                "/leadbox/profiles/" + account.firstProfileId(), "/leadbox/profiles/" + other, "/leadbox/multi-profile");
        assertThat(member.session().get("/leadbox/profiles/" + account.firstProfileId()).status()).isEqualTo(403);
    }

    /** S41 for read-only partners: the embed code, and the Edit button disabled with the reason. */
    @Test
    void aReadOnlyPartnerSeesTheEmbedCodesAndADisabledEditButtonWithTheReason() {
        WebSession partner = fixture.partnerWorkingIn(account.id(), "read_only");

        Document page = partner.get("/leadbox").document();
        assertThat(page.select("input.embed-code")).hasSize(2);
        assertThat(page.select("main form, main .leadbox-preview")).isEmpty();
        assertThat(page.select("button[aria-disabled=true]:contains(Edit settings)")).hasSize(2)
                .allSatisfy(button -> assertThat(button.attr("aria-describedby")).isEqualTo("read-only-reason"));
        assertThat(page.select("#read-only-reason").text()).isNotBlank();
        assertThat(partner.api("PUT", profileApi(), validSettings()).status()).isEqualTo(403);
        assertThat(partner.get("/leadbox/multi-profile").status()).isEqualTo(403);
    }

    @Test
    void savedSettingsAreStoredAsTypedWebsitesAsBrowsersNameThemAndTheAuditEntryLeavesTheWordsOut() {
        Map<String, Object> settings = validSettings();
        settings.put("buttonText", "  Message\r\n  Lantern  ");
        settings.put("colour", "#1A6B3C");
        settings.put("greeting", "Hi!\r\nTell us what leaks.");
        settings.put("allowedOrigins", List.of("https://WWW.Lantern-Plumbing.example/contact?x=1", " http://shop.lantern.example:8080/ ",
                "https://www.lantern-plumbing.example:443", "", "http://localhost:8081"));

        WebSession.Page saved = owner.api("PUT", profileApi(), settings);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode read = WebSession.json(owner.api("GET", profileApi(), null));
        assertThat(read.get("buttonText").asString()).isEqualTo("Message Lantern");
        assertThat(read.get("colour").asString()).isEqualTo("#1a6b3c");
        assertThat(read.get("greeting").asString()).isEqualTo("Hi!\nTell us what leaks.");
        assertThat(read.get("enabled").asBoolean()).isTrue();
        assertThat(read.get("offersText").asBoolean()).isTrue();
        assertThat(read.get("offersCall").asBoolean()).isFalse();
        assertThat(texts(read.get("allowedOrigins"))).as("origins only, lower case, default ports dropped, once each")
                .containsExactly("https://www.lantern-plumbing.example", "http://shop.lantern.example:8080", "http://localhost:8081");

        List<String> audit = databaseOwner().sql("""
                        SELECT details::text FROM audit_log WHERE account_id = :a AND action = 'leadbox.changed' AND target_id = :l""")
                .param("a", account.id()).param("l", read.get("id").asString()).query(String.class).list();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).contains("buttonText", "greeting", "#b8480c to #1a6b3c", "3 websites", account.firstProfileId().toString())
                .as("the words stay out of the audit log").doesNotContain("Lantern", "leaks");

        assertThat(owner.api("PUT", profileApi(), settings).status()).isEqualTo(200);
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action = 'leadbox.changed'")
                .param("a", account.id()).query(Integer.class).single()).as("saving the same again records nothing").isEqualTo(1);

        Document page = owner.get("/leadbox/profiles/" + account.firstProfileId()).document();
        assertThat(page.select("h1").text()).isEqualTo("Leadbox: Lantern Plumbing");
        assertThat(page.select("#leadbox-button-text").val()).isEqualTo("Message Lantern");
        assertThat(page.select("#leadbox-colour").attr("type")).isEqualTo("color");
        assertThat(page.select("#leadbox-colour").val()).isEqualTo("#1a6b3c");
        assertThat(page.select("#leadbox-origins").text()).contains("http://shop.lantern.example:8080");
        assertThat(page.select(".preview-launcher").text()).isEqualTo("Message Lantern");
        assertThat(page.select("[data-preview-channel=offersCall]").hasAttr("hidden")).isTrue();
        assertThat(page.select("#leadbox-origins-hint").text()).contains("With no website listed, no site can use the Leadbox.");
    }

    @Test
    void everyFieldOutOfBoundsIsRefusedWithItsOwnErrorAndNothingIsSaved() {
        assertThat(owner.api("PUT", profileApi(), validSettings()).status()).isEqualTo(200);
        String before = owner.api("GET", profileApi(), null).body();

        Map<String, Object> wrong = validSettings();
        wrong.put("buttonText", "x".repeat(41));
        wrong.put("colour", "red");
        wrong.put("greeting", "g".repeat(301));
        wrong.put("offersText", false);
        wrong.put("offersCall", false);
        wrong.put("consent", " ");
        wrong.put("allowedOrigins", List.of("https://fine.example", "lantern dot com"));
        WebSession.Page refused = owner.api("PUT", profileApi(), wrong);

        assertThat(refused.status()).isEqualTo(422);
        JsonNode errors = WebSession.json(refused).get("errors");
        assertThat(errors.get("buttonText").asString()).isEqualTo("Write the button's text, up to 40 characters; it has 41.");
        assertThat(errors.get("colour").asString()).isEqualTo("Choose a colour, written like #b8480c.");
        assertThat(errors.get("greeting").asString()).isEqualTo("Keep the greeting to 300 characters; it has 301.");
        assertThat(errors.get("channels").asString()).isEqualTo("Offer at least one way to reach you: text us, or the call button.");
        assertThat(errors.get("consent").asString()).startsWith("Write the consent sentence");
        assertThat(errors.get("allowedOrigins").asString()).startsWith("\"lantern dot com\" is not a website address.");

        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("buttonText", with("buttonText", ""));
        cases.put("consent", with("consent", "c".repeat(501)));
        cases.put("allowedOrigins", with("allowedOrigins", IntStream.rangeClosed(1, 21).mapToObj(n -> "https://site" + n + ".example").toList()));
        cases.put("colour", with("colour", "#12345"));
        cases.put("channels", with("offersCall", true));
        cases.forEach((field, body) -> {
            WebSession.Page answer = owner.api("PUT", profileApi(), body);
            assertThat(answer.status()).as(field).isEqualTo(422);
            assertThat(WebSession.json(answer).get("errors").propertyNames()).as(field).containsExactly(field);
        });
        // A switch left out is not read as false (which would turn the Leadbox off): it is asked for.
        Map<String, Object> withoutSwitches = validSettings();
        withoutSwitches.remove("enabled");
        withoutSwitches.remove("offersCall");
        WebSession.Page unsaid = owner.api("PUT", profileApi(), withoutSwitches);
        assertThat(unsaid.status()).isEqualTo(422);
        assertThat(WebSession.json(unsaid).get("errors").propertyNames()).containsExactlyInAnyOrder("enabled", "offersCall");
        assertThat(WebSession.json(owner.api("PUT", profileApi(), with("offersCall", true))).get("errors").get("channels").asString())
                .as("a profile without a number has nothing to call").contains("no phone number");
        // At the bounds: 40, 300, 500 characters (an emoji is one), 20 websites.
        Map<String, Object> atBounds = validSettings();
        atBounds.put("buttonText", "🔧".repeat(40));
        atBounds.put("greeting", "g".repeat(300));
        atBounds.put("consent", "c".repeat(500));
        atBounds.put("allowedOrigins", IntStream.rangeClosed(1, 20).mapToObj(n -> "https://site" + n + ".example").toList());
        assertThat(owner.api("PUT", profileApi(), atBounds).status()).isEqualTo(200);
        assertThat(owner.api("PUT", profileApi(), validSettings()).status()).isEqualTo(200);
        assertThat(owner.api("GET", profileApi(), null).body()).isEqualTo(before);

        // The page: the error next to its field, what was typed kept, nothing saved.
        owner.get("/leadbox");
        Map<String, String> form = new HashMap<>(Map.of("enabled", "on", "buttonText", "Text Lantern now", "colour", "#123456",
                "greeting", "Hello", "offersText", "on", "consent", "You agree to texts.",
                "allowedOrigins", "https://ok.example\r\nftp://files.example"));
        WebSession.Page page = owner.post("/leadbox/profiles/" + account.firstProfileId(), form);
        assertThat(page.status()).isEqualTo(422);
        Document document = page.document();
        assertThat(document.select("#leadbox-origins-error").text()).startsWith("\"ftp://files.example\" is not a website address");
        assertThat(document.select("#leadbox-origins").attr("aria-invalid")).isEqualTo("true");
        assertThat(document.select("#leadbox-origins").text()).contains("https://ok.example", "ftp://files.example");
        assertThat(document.select("#leadbox-button-text").val()).isEqualTo("Text Lantern now");
        assertThat(document.select(".error-summary li")).hasSize(1);
        assertThat(owner.api("GET", profileApi(), null).body()).isEqualTo(before);

        form.put("allowedOrigins", "https://ok.example");
        WebSession.Page saved = owner.post("/leadbox/profiles/" + account.firstProfileId(), form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/leadbox/profiles/" + account.firstProfileId() + "?saved");
        assertThat(owner.get(saved.location()).document().select("main [role=status]").text()).isEqualTo("Leadbox saved.");
        assertThat(texts(WebSession.json(owner.api("GET", profileApi(), null)).get("allowedOrigins"))).containsExactly("https://ok.example");
    }

    /** S28, S42: only admins edit; what others may not know exists reads as missing. */
    @Test
    void aProfileOfAnotherAccountOrArchivedIsMissingAndOnlyAdminsOfTheProfileEdit() {
        TeamFixture.Account elsewhere = fixture.openAccount("Elsewhere Roofing");
        assertThat(owner.api("GET", "/api/v1/profiles/" + elsewhere.firstProfileId() + "/leadbox", null).status()).isEqualTo(404);
        assertThat(owner.api("PUT", "/api/v1/profiles/" + elsewhere.firstProfileId() + "/leadbox", validSettings()).status()).isEqualTo(404);
        assertThat(owner.api("GET", "/api/v1/profiles/" + UUID.randomUUID() + "/leadbox", null).status()).isEqualTo(404);
        assertThat(owner.api("GET", "/api/v1/profiles/not-an-id/leadbox", null).status()).isEqualTo(404);

        UUID archived = fixture.addProfile(account, "Lantern Closed Branch");
        databaseOwner().sql("UPDATE profiles SET archived_at = now() WHERE id = :p").param("p", archived).update();
        assertThat(owner.api("GET", "/api/v1/profiles/" + archived + "/leadbox", null).status()).isEqualTo(404);
        assertThat(profileIds(WebSession.json(owner.api("GET", "/api/v1/leadboxes", null)))).doesNotContain(archived.toString());

        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        UUID otherProfile = fixture.addProfile(account, "Lantern Drains");
        TeamFixture.Member otherAdmin = fixture.join(account.owner(), "admin", otherProfile);
        assertThat(member.session().api("GET", profileApi(), null).status()).isEqualTo(200);
        assertThat(member.session().api("PUT", profileApi(), validSettings()).status()).isEqualTo(403);
        assertThat(otherAdmin.session().api("PUT", profileApi(), validSettings()).status()).isEqualTo(404);
        assertThat(admin.session().api("PUT", profileApi(), with("buttonText", "Admin was here")).status()).isEqualTo(200);
        assertThat(admin.session().api("GET", "/api/v1/leadbox/multi-profile", null).status())
                .as("an admin of some profiles does not see the one that offers all").isEqualTo(404);
        assertThat(admin.session().get("/leadbox").document().select("a:contains(Edit settings)")).hasSize(1);
        assertThat(WebSession.json(owner.api("GET", profileApi(), null)).get("buttonText").asString()).isEqualTo("Admin was here");
    }

    @Test
    void theMultiProfileLeadboxOffersTheShownProfilesInTheOrderSetAndTheShownFlagIsTheProfilesOwn() {
        UUID second = fixture.addProfile(account, "Lantern Heating");
        UUID third = fixture.addProfile(account, "Lantern Drains");
        databaseOwner().sql("UPDATE profiles SET button_name = 'Heating help' WHERE id = :p").param("p", second).update();

        JsonNode initial = WebSession.json(owner.api("GET", "/api/v1/leadbox/multi-profile", null));
        assertThat(initial.get("profileId").isNull()).isTrue();
        assertThat(initial.get("profiles")).hasSize(3);
        JsonNode heating = stream(initial.get("profiles")).filter(p -> p.get("profileId").asString().equals(second.toString())).findFirst()
                .orElseThrow();
        assertThat(heating.get("buttonName").asString()).isEqualTo("Heating help");
        assertThat(heating.get("name").asString()).isEqualTo("Lantern Heating");
        assertThat(heating.get("shown").asBoolean()).isTrue();

        Map<String, Object> body = validSettings();
        body.put("profileOrder", List.of(third.toString(), account.firstProfileId().toString()));
        body.put("shownProfileIds", List.of(third.toString(), account.firstProfileId().toString()));
        WebSession.Page saved = owner.api("PUT", "/api/v1/leadbox/multi-profile", body);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode profiles = WebSession.json(saved).get("profiles");
        assertThat(stream(profiles).map(p -> p.get("profileId").asString()).toList()).as("named first, the rest after")
                .containsExactly(third.toString(), account.firstProfileId().toString(), second.toString());
        assertThat(stream(profiles).map(p -> p.get("shown").asBoolean()).toList()).containsExactly(true, true, false);
        assertThat(WebSession.json(owner.api("GET", "/api/v1/profiles/" + second, null)).get("showInLeadbox").asBoolean())
                .as("the profile's own Show in the Leadbox").isFalse();
        String audit = databaseOwner().sql("SELECT details::text FROM audit_log WHERE account_id = :a AND action = 'leadbox.changed'")
                .param("a", account.id()).query(String.class).single();
        assertThat(audit).contains("profileOrder", "1 profile shown or hidden");

        TeamFixture.Account elsewhere = fixture.openAccount("Elsewhere Roofing");
        Map<String, Object> foreign = validSettings();
        foreign.put("profileOrder", List.of(elsewhere.firstProfileId().toString()));
        foreign.put("shownProfileIds", List.of(second.toString(), second.toString()));
        WebSession.Page refused = owner.api("PUT", "/api/v1/leadbox/multi-profile", foreign);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(WebSession.json(refused).get("errors").get("profileOrder").asString()).contains("profiles of this account");
        assertThat(WebSession.json(owner.api("GET", "/api/v1/profiles/" + second, null)).get("showInLeadbox").asBoolean()).isFalse();

        // The page: places typed as numbers, shown ticked.
        owner.get("/leadbox");
        Map<String, String> form = new HashMap<>(Map.of("enabled", "on", "buttonText", "Pick a team", "colour", "#224466",
                "greeting", "Who can help?", "offersText", "on", "consent", "You agree to texts.", "allowedOrigins", "",
                "position." + second, "1", "position." + third, "3", "position." + account.firstProfileId(), "2"));
        form.put("shown", second.toString());
        WebSession.Page page = owner.post("/leadbox/multi-profile", form);
        assertThat(page.status()).isEqualTo(302);
        JsonNode after = WebSession.json(owner.api("GET", "/api/v1/leadbox/multi-profile", null));
        assertThat(stream(after.get("profiles")).map(p -> p.get("profileId").asString()).toList())
                .containsExactly(second.toString(), account.firstProfileId().toString(), third.toString());
        assertThat(stream(after.get("profiles")).map(p -> p.get("shown").asBoolean()).toList()).containsExactly(true, false, false);
        Document settings = owner.get("/leadbox/multi-profile").document();
        assertThat(settings.select("h1").text()).isEqualTo("Multi-profile Leadbox");
        assertThat(settings.select(".preview-choices li").eachText()).containsExactly("Heating help");
        assertThat(settings.select("[data-choice] strong").eachText()).containsExactly("Heating help", "Lantern Plumbing", "Lantern Drains");
    }

    private String profileApi() {
        return "/api/v1/profiles/" + account.firstProfileId() + "/leadbox";
    }

    private static Map<String, Object> validSettings() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", true);
        body.put("buttonText", "Text us");
        body.put("colour", "#b8480c");
        body.put("greeting", "Hi there");
        body.put("offersText", true);
        body.put("offersCall", false);
        body.put("consent", "By sending, you agree to texts.");
        body.put("allowedOrigins", List.of());
        return body;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = validSettings();
        body.put(field, value);
        return body;
    }

    private static JsonNode leadboxOf(JsonNode list, UUID profileId) {
        return stream(list).filter(box -> !box.get("profileId").isNull() && box.get("profileId").asString().equals(profileId.toString())).findFirst().orElseThrow();
    }

    private static List<String> profileIds(JsonNode list) {
        return stream(list).map(box -> box.get("profileId").isNull() ? "null" : box.get("profileId").asString()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asString).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
