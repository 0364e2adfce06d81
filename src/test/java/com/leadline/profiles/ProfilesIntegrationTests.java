package com.leadline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Profiles: who sees which, who adds and edits them, plans for the owner alone, archiving. */
class ProfilesIntegrationTests extends IntegrationTest {

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;

    @BeforeEach
    void openAccount() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Profile Pizza");
        owner = account.owner().session();
    }

    @Test
    void theOwnerAddsAProfileWithHoursFromThePageAndChangesItsPlan() {
        owner.get("/profiles");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Profile Pizza Downtown");
        form.put("buttonName", "Downtown");
        form.put("showInLeadbox", "on");
        form.put("timezone", "America/New_York");
        form.put("open.MONDAY", "on");
        form.put("opens.MONDAY", "09:00");
        form.put("closes.MONDAY", "17:30");
        form.put("opens.TUESDAY", "10:00");
        form.put("closes.TUESDAY", "12:00");
        assertThat(owner.post("/profiles", form).location()).endsWith("/profiles");

        JsonNode downtown = byName(owner, "Profile Pizza Downtown");
        assertThat(downtown.get("buttonName").asString()).isEqualTo("Downtown");
        assertThat(downtown.get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(downtown.get("hours").propertyNames()).containsExactly("MONDAY");
        assertThat(downtown.get("hours").get("MONDAY").get("closes").asString()).isEqualTo("17:30");
        assertThat(downtown.get("plan").asString()).isEqualTo("pro");
        assertThat(downtown.get("users").asInt()).as("the owner").isEqualTo(1);

        String id = downtown.get("id").asString();
        assertThat(owner.api("PUT", "/api/v1/profiles/" + id + "/plan", Map.of("plan", "premium")).status()).isEqualTo(200);
        assertThat(byName(owner, "Profile Pizza Downtown").get("plan").asString()).isEqualTo("premium");
        WebSession.Page page = owner.get("/profiles");
        assertThat(page.document().select("#profile-list tbody tr")).hasSize(2);
        assertThat(page.document().select("button[aria-label='Edit Profile Pizza Downtown']")).hasSize(1);
        assertThat(owner.get("/profiles/" + id + "/edit").document().select("#profile-plan")).hasSize(1);
        assertThat(databaseOwner().sql("SELECT action FROM audit_log WHERE target_id = :p ORDER BY id")
                .param("p", id).query(String.class).list()).containsExactly("profile.created", "profile.plan_changed");
    }

    @Test
    void anAdminWhoCreatesAProfileWorksInItAndOtherAdminsSeeItOnlyOnceAdded() {
        TeamFixture.Member creator = fixture.join(account.owner(), "admin", null);
        TeamFixture.Member otherAdmin = fixture.join(account.owner(), "admin", null);
        WebSession.Page created = creator.session().api("POST", "/api/v1/profiles", profile("Profile Pizza Airport"));
        assertThat(created.status()).isEqualTo(201);
        UUID airport = UUID.fromString(WebSession.json(created).get("id").asString());

        assertThat(names(creator.session())).contains("Profile Pizza Airport");
        assertThat(names(owner)).as("the owner sees every profile, new ones too").contains("Profile Pizza Airport");
        assertThat(names(otherAdmin.session())).doesNotContain("Profile Pizza Airport");
        assertThat(otherAdmin.session().api("GET", "/api/v1/profiles/" + airport, null).status()).isEqualTo(404);
        assertThat(otherAdmin.session().api("PUT", "/api/v1/profiles/" + airport, profile("Renamed")).status()).isEqualTo(404);
        assertThat(creator.session().api("PUT", "/api/v1/profiles/" + airport + "/plan", Map.of("plan", "premium")).status())
                .as("plans are the owner's").isEqualTo(403);

        assertThat(owner.api("PUT", "/api/v1/team/members/" + otherAdmin.id(), Map.of("name", "Other Admin",
                "email", otherAdmin.email(), "role", "admin",
                "profileIds", List.of(account.firstProfileId().toString(), airport.toString()))).status()).isEqualTo(204);
        assertThat(names(otherAdmin.session())).contains("Profile Pizza Airport");
        assertThat(otherAdmin.session().api("PUT", "/api/v1/profiles/" + airport, profile("Profile Pizza Airport T2")).status())
                .isEqualTo(200);
    }

    @Test
    void teamMembersSeeTheirProfilesAndChangeNothing() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        UUID elsewhere = UUID.fromString(WebSession.json(owner.api("POST", "/api/v1/profiles", profile("Profile Pizza Harbour")))
                .get("id").asString());

        assertThat(names(member.session())).containsExactly("Profile Pizza");
        WebSession.Page page = member.session().get("/profiles");
        assertThat(page.document().select("button[aria-label=Add profile], button[aria-label^=Edit]")).isEmpty();
        assertThat(member.session().api("POST", "/api/v1/profiles", profile("Mine")).status()).isEqualTo(403);
        assertThat(member.session().api("PUT", "/api/v1/profiles/" + account.firstProfileId(), profile("Renamed")).status())
                .isEqualTo(403);
        assertThat(member.session().api("GET", "/api/v1/profiles/" + elsewhere, null).status()).isEqualTo(404);
        assertThat(names(owner)).containsExactly("Profile Pizza", "Profile Pizza Harbour");
    }

    @Test
    void anArchivedProfileLeavesThePickersAndComesBack() {
        UUID harbour = UUID.fromString(WebSession.json(owner.api("POST", "/api/v1/profiles", profile("Profile Pizza Harbour")))
                .get("id").asString());
        TeamFixture.Member harbourHand = fixture.join(account.owner(), "member", harbour);
        assertThat(harbourHand.session().api("GET", "/api/v1/profiles/" + harbour, null).status()).isEqualTo(200);
        assertThat(owner.api("POST", "/api/v1/profiles/" + harbour + "/archive", null).status()).isEqualTo(204);
        assertThat(harbourHand.session().api("GET", "/api/v1/profiles/" + harbour, null).status())
                .as("a member's archived profile is no longer theirs to work in").isEqualTo(404);

        assertThat(owner.get("/team/members/new").document().select("#member-profile option").eachText())
                .containsExactly("All Profiles", "Profile Pizza");
        UUID invitee = fixture.invite(account.owner(), "All Profiles Now", TeamFixture.unique("a"), "member", null);
        assertThat(databaseOwner().sql("SELECT profile_id FROM profile_memberships WHERE user_id = :u").param("u", invitee)
                .query(UUID.class).list()).containsExactly(account.firstProfileId());
        assertThat(owner.get("/profiles").document().select("tr:contains(Harbour) .badge").text()).isEqualTo("Archived");
        assertThat(owner.api("POST", "/api/v1/profiles/" + account.firstProfileId() + "/archive", null).status())
                .as("the last profile in use stays").isEqualTo(409);

        assertThat(owner.api("POST", "/api/v1/profiles/" + harbour + "/restore", null).status()).isEqualTo(204);
        assertThat(harbourHand.session().api("GET", "/api/v1/profiles/" + harbour, null).status()).isEqualTo(200);
        assertThat(owner.get("/team/members/new").document().select("#member-profile option").eachText())
                .contains("Profile Pizza Harbour");
    }

    @Test
    void badProfilesAreRefusedAndChangeNothing() {
        TeamFixture.Account other = fixture.openAccount("Someone Else's Pizza");
        int before = databaseOwner().sql("SELECT count(*) FROM profiles").query(Integer.class).single();
        List<Map<String, Object>> bad = List.of(
                Map.of("name", "", "timezone", "UTC"),
                Map.of("name", "x".repeat(201), "timezone", "UTC"),
                Map.of("name", "Fine", "timezone", "Mars/Olympus_Mons"),
                Map.of("name", "Fine", "buttonName", "b".repeat(61), "timezone", "UTC"),
                Map.of("name", "Fine", "timezone", "UTC", "hours", Map.of("MONDAY", Map.of("opens", "17:00", "closes", "09:00"))),
                Map.of("name", "Fine", "timezone", "UTC", "hours", Map.of("FUNDAY", Map.of("opens", "09:00", "closes", "17:00"))),
                Map.of("name", "Fine", "timezone", "UTC", "hours", Map.of("MONDAY", Map.of("opens", "nine"))));
        for (Map<String, Object> body : bad) {
            WebSession.Page refused = owner.api("POST", "/api/v1/profiles", body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(422);
            assertThat(WebSession.json(refused).get("errors").isEmpty()).isFalse();
        }
        assertThat(owner.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/plan", Map.of("plan", "gold")).status())
                .isEqualTo(422);
        assertThat(owner.api("GET", "/api/v1/profiles/" + other.firstProfileId(), null).status()).isEqualTo(404);
        assertThat(owner.api("PUT", "/api/v1/profiles/" + other.firstProfileId(), profile("Taken Over")).status()).isEqualTo(404);
        assertThat(owner.api("POST", "/api/v1/profiles/" + other.firstProfileId() + "/archive", null).status()).isEqualTo(404);
        assertThat(owner.api("POST", "/api/v1/profiles", "{\"name\": 12, \"showInLeadbox\": \"maybe\"}").status()).isEqualTo(400);
        assertThat(databaseOwner().sql("SELECT count(*) FROM profiles").query(Integer.class).single()).isEqualTo(before);
        assertThat(databaseOwner().sql("SELECT name FROM profiles WHERE id = :p").param("p", other.firstProfileId())
                .query(String.class).single()).isEqualTo("Someone Else's Pizza");
    }

    @Test
    void theSwitcherOffersTheProfilesYouSeeAndTheTeamPageFollowsIt() {
        UUID harbour = UUID.fromString(WebSession.json(owner.api("POST", "/api/v1/profiles", profile("Profile Pizza Harbour")))
                .get("id").asString());
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());

        assertThat(owner.get("/profiles").document().select("#profile-switcher-menu [role=menuitemradio]").eachText())
                .containsExactly("All Profiles", "Profile Pizza", "Profile Pizza Harbour");
        assertThat(member.session().get("/team").document().select("#profile-switcher-menu [role=menuitemradio]").eachText())
                .containsExactly("All Profiles", "Profile Pizza");

        owner.get("/profiles");
        WebSession.Page switched = owner.post("/profiles/current", Map.of("profile", harbour.toString(), "back", "/team"));
        assertThat(java.net.URI.create(switched.location()).getPath()).isEqualTo("/team");
        var team = owner.get("/team").document();
        assertThat(team.select("#profile option[selected]").text()).isEqualTo("Profile Pizza Harbour");
        assertThat(team.select("#profile-switcher-menu [aria-checked=true]").text()).isEqualTo("Profile Pizza Harbour");
        assertThat(team.select("#team-list tbody tr")).as("only the owner works in Harbour").hasSize(1);

        java.net.URI back = java.net.URI.create(owner.post("/profiles/current", Map.of("profile", "all", "back", "//evil.example/phish"))
                .location());
        assertThat(back.getHost()).as("never off the site").isEqualTo("localhost");
        assertThat(back.getPath()).isEqualTo("/");
        assertThat(member.session().post("/profiles/current", Map.of("profile", harbour.toString())).status()).isEqualTo(404);
    }

    private static Map<String, Object> profile(String name) {
        return Map.of("name", name, "buttonName", "", "showInLeadbox", true, "timezone", "Europe/Berlin", "hours", Map.of());
    }

    private static List<String> names(WebSession session) {
        return WebSession.json(session.api("GET", "/api/v1/profiles", null)).values().stream()
                .map(profile -> profile.get("name").asString()).toList();
    }

    private static JsonNode byName(WebSession session, String name) {
        return WebSession.json(session.api("GET", "/api/v1/profiles", null)).values().stream()
                .filter(profile -> profile.get("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
