package com.leadline.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Partner users at work in a client account: picked from the account switcher, listed on the
 * client's Team page as partners the client cannot touch, at the level of their agency's grant,
 * which the client changes for the whole agency at once; read only means no change by any route.
 */
class PartnerActingIntegrationTests extends IntegrationTest {

    private TeamFixture fixture;
    private TeamFixture.Member agencyAdmin;
    private UUID agencyId;
    private TeamFixture.Member clientOwner;
    private UUID clientId;
    private UUID clientProfile;

    @BeforeEach
    void agencyWithAReferredClient() {
        fixture = new TeamFixture(port, databaseOwner());
        WebSession agency = visitor();
        agency.get("/partners/signup");
        String agencyEmail = TeamFixture.unique("agency");
        agency.post("/partners/signup", Map.of("businessName", "Northwind Partners", "yourName", "Nora Partner",
                "email", agencyEmail, "password", PASSWORD));
        JsonNode agencySession = WebSession.json(agency.api("GET", "/api/v1/session", null));
        agencyId = UUID.fromString(agencySession.get("accountId").asString());
        agencyAdmin = new TeamFixture.Member(UUID.fromString(agencySession.get("userId").asString()), agencyEmail, agency);
        String link = WebSession.json(agency.api("GET", "/api/v1/partners/clients", null)).get("referralLink").asString();

        WebSession owner = visitor();
        String code = link.substring(link.indexOf('=') + 1);
        owner.get("/signup?partner=" + code);
        String ownerEmail = TeamFixture.unique("client");
        owner.post("/signup", Map.of("businessName", "Contoso Cleaning", "yourName", "Cleo Owner", "email", ownerEmail,
                "password", PASSWORD, "timezone", "UTC", "partner", code));
        JsonNode ownerSession = WebSession.json(owner.api("GET", "/api/v1/session", null));
        clientId = UUID.fromString(ownerSession.get("accountId").asString());
        clientOwner = new TeamFixture.Member(UUID.fromString(ownerSession.get("userId").asString()), ownerEmail, owner);
        clientProfile = databaseOwner().sql("SELECT id FROM profiles WHERE account_id = :a").param("a", clientId)
                .query(UUID.class).single();
    }

    @Test
    void aPartnerAdminPicksTheClientAndWorksThereAsAnAdminOfEveryProfile() {
        WebSession partner = agencyAdmin.session();
        assertThat(partner.get("/partners").document().select("#account-switcher-menu [role=menuitemradio]").eachText())
                .containsExactly("Northwind Partners (partner console)", "Contoso Cleaning");
        actIn(partner, clientId);

        assertThat(WebSession.json(partner.api("GET", "/api/v1/session", null)).get("accountId").asString())
                .isEqualTo(clientId.toString());
        assertThat(partner.get("/team").document().select("button[aria-label=Add team member]")).hasSize(1);
        assertThat(partner.get("/team").document().select("#profile-switcher-menu [role=menuitemradio]").eachText())
                .as("the profile switcher follows the same rule: partners work in every profile")
                .containsExactly("All Profiles", "Contoso Cleaning");
        assertThat(fixture.invite(agencyAdmin, "Invited By Partner", TeamFixture.unique("ibp"), "admin", null)).isNotNull();
        assertThat(partner.api("PUT", "/api/v1/profiles/" + clientProfile, Map.of("name", "Contoso Cleaning HQ",
                "timezone", "UTC")).status()).isEqualTo(200);
        assertThat(partner.api("PUT", "/api/v1/profiles/" + clientProfile + "/plan", Map.of("plan", "premium")).status())
                .as("billing stays the owner's").isEqualTo(403);
        assertThat(partner.api("PUT", "/api/v1/partners/agencies/" + agencyId + "/level", Map.of("level", "admin")).status())
                .as("a partner doesn't set its own level").isEqualTo(403);

        partner.get("/settings/me");
        assertThat(partner.post("/settings/me/password", Map.of("currentPassword", PASSWORD, "newPassword",
                "violet harbor copper maze")).location()).as("their own password, wherever they work").contains("passwordChanged");

        actIn(partner, agencyId);
        assertThat(partner.get("/partners").heading()).isEqualTo("Partner console");
        assertThat(partner.api("GET", "/api/v1/profiles/" + clientProfile, null).status()).as("back home").isEqualTo(404);
    }

    @Test
    void theClientsOwnerAndAdminsSeePartnersOnTheirTeamButCannotEditDeactivateOrRemoveThem() {
        TeamFixture.Member admin = fixture.join(clientOwner, "admin", null);
        for (WebSession client : List.of(clientOwner.session(), admin.session())) {
            var page = client.get("/team").document();
            assertThat(page.select("tr.partner-row").text()).contains("Nora Partner", "Partner", "Northwind Partners", "Partner (Admin)");
            assertThat(page.select("tr.partner-row button")).isEmpty();
            assertThat(page.select("#partner-agencies tr[data-agency-id] button").eachText()).as("the level only, no removal")
                    .containsExactly("Switch to Read only");
            assertThat(client.get("/team?type=team").document().select("tr.partner-row")).isEmpty();
            assertThat(client.get("/team?type=partners").document().select("#team-list tbody tr")).hasSize(1);
            JsonNode list = WebSession.json(client.api("GET", "/api/v1/team/members", null));
            assertThat(list.get("partners").values()).extracting(row -> row.get("agency").asString()).containsExactly("Northwind Partners");

            String partnerId = agencyAdmin.id().toString();
            assertThat(client.get("/team/members/" + partnerId + "/edit").status()).isEqualTo(403);
            client.get("/team");
            assertThat(client.post("/team/members/" + partnerId, Map.of("name", "Taken", "email", agencyAdmin.email(),
                    "role", "member")).status()).isEqualTo(403);
            assertThat(client.get("/team/members/" + partnerId + "/deactivate").status()).isEqualTo(403);
            assertThat(client.post("/team/members/" + partnerId + "/deactivate", Map.of()).status()).isEqualTo(403);
            assertThat(client.api("POST", "/api/v1/team/members/" + partnerId + "/deactivation", null).status()).isEqualTo(403);
            assertThat(client.api("PUT", "/api/v1/team/members/" + partnerId, Map.of("name", "Taken", "email", agencyAdmin.email(),
                    "role", "member", "profileIds", List.of())).status()).isEqualTo(403);
            // Nor the whole agency: the routes that did it are gone.
            assertThat(client.api("DELETE", "/api/v1/partners/agencies/" + agencyId, null).status()).isIn(404, 405);
            assertThat(client.post("/team/partners/" + agencyId + "/revoke", Map.of()).status()).isIn(404, 405);
        }
        assertThat(databaseOwner().sql("SELECT status || ' ' || name FROM users WHERE id = :u").param("u", agencyAdmin.id())
                .query(String.class).single()).isEqualTo("active Nora Partner");
        assertThat(databaseOwner().sql("SELECT level FROM partner_grants WHERE client_account_id = :c AND agency_account_id = :a")
                .param("c", clientId).param("a", agencyId).query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void readOnlyRefusesEveryChangeForEveryUserOfTheAgencyUntilSwitchedBack() {
        TeamFixture.Member colleague = fixture.join(agencyAdmin, "member", null);
        WebSession partner = agencyAdmin.session();
        actIn(partner, clientId);
        actIn(colleague.session(), clientId);

        assertThat(clientOwner.session().api("PUT", "/api/v1/partners/agencies/" + agencyId + "/level",
                Map.of("level", "read_only")).status()).isEqualTo(204);
        for (WebSession session : List.of(partner, colleague.session())) {
            assertThat(session.get("/team").status()).isEqualTo(200);
            assertThat(session.get("/team").document().select("button[aria-label=Add team member]:not([aria-disabled])")).isEmpty();
            assertThat(session.api("POST", "/api/v1/team/members", Map.of("name", "Nope", "email", TeamFixture.unique("n"),
                    "role", "member", "profile", "all")).status()).isEqualTo(403);
            assertThat(session.api("PUT", "/api/v1/profiles/" + clientProfile, Map.of("name", "Nope", "timezone", "UTC"))
                    .status()).isEqualTo(403);
            session.get("/profiles");
            assertThat(session.post("/profiles", Map.of("name", "Nope", "timezone", "UTC")).status()).isEqualTo(403);
            assertThat(session.api("GET", "/api/v1/profiles/" + clientProfile, null).status()).as("still reads").isEqualTo(200);
        }
        assertThat(WebSession.json(clientOwner.session().api("GET", "/api/v1/team/members", null)).get("partners").values())
                .extracting(row -> row.get("level").asString()).containsOnly("read_only");

        assertThat(clientOwner.session().api("PUT", "/api/v1/partners/agencies/" + agencyId + "/level",
                Map.of("level", "admin")).status()).isEqualTo(204);
        assertThat(fixture.invite(colleague, "Back To Work", TeamFixture.unique("b"), "member", null)).isNotNull();
    }

    @Test
    void aReadOnlyPartnerSeesControlsDisabledAndHearsOneReasonFromPagesFragmentsAndTheApi() {
        TeamFixture.Member member = fixture.join(clientOwner, "member", clientProfile);
        WebSession partner = agencyAdmin.session();
        actIn(partner, clientId);
        // A page opened at Admin level, with its controls live.
        assertThat(partner.get("/team").document().select("button[aria-label=Add team member][hx-get]")).hasSize(1);

        assertThat(clientOwner.session().api("PUT", "/api/v1/partners/agencies/" + agencyId + "/level",
                Map.of("level", "read_only")).status()).isEqualTo(204);

        String reason = "Your agency has read-only access to this account, set by the client.";
        // The stale page's pencil (an htmx GET), its form post, and the API: one reason, not "your role".
        WebSession.Page editForm = partner.send(java.net.http.HttpRequest.newBuilder(partner.uri("/team/members/" + member.id() + "/edit"))
                .header("HX-Request", "true").GET());
        assertThat(editForm.status()).isEqualTo(403);
        assertThat(editForm.document().select("main p").first().text()).isEqualTo(reason);
        WebSession.Page post = partner.post("/team/members/" + member.id(), Map.of("name", "Renamed", "email", member.email(),
                "role", "member"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.document().select("main p").first().text()).isEqualTo(reason);
        WebSession.Page api = partner.api("PUT", "/api/v1/team/members/" + member.id(), Map.of("name", "Renamed",
                "email", member.email(), "role", "member", "profileIds", List.of()));
        assertThat(api.status()).isEqualTo(403);
        assertThat(WebSession.json(api).get("detail").asString()).isEqualTo(reason);
        assertThat(WebSession.json(partner.api("GET", "/api/v1/team/members/" + member.id() + "/deactivation", null))
                .get("detail").asString()).as("a read refused by role names the same reason").isEqualTo(reason);

        // Reloaded, the pages show the controls disabled with the reason, and the shell says it once.
        var team = partner.get("/team").document();
        assertThat(team.select("#read-only-reason").text()).isEqualTo(reason);
        assertThat(team.select("button[aria-label=Add team member]")).singleElement().satisfies(button -> {
            assertThat(button.attr("aria-disabled")).isEqualTo("true");
            assertThat(button.attr("title")).isEqualTo(reason);
            assertThat(button.hasAttr("hx-get")).isFalse();
        });
        assertThat(team.select("button[aria-label='Edit " + "Cleo Owner" + "']")).as("the owner is nobody's to edit").isEmpty();
        assertThat(team.select("#team-list button[aria-disabled=true][title]")).isNotEmpty();
        var profiles = partner.get("/profiles").document();
        assertThat(profiles.select("button[aria-label=Add profile][aria-disabled=true]").attr("title")).isEqualTo(reason);
        assertThat(profiles.select("button[aria-label^=Edit][aria-disabled=true]")).isNotEmpty();
        assertThat(profiles.select("button[hx-get], button[hx-post]")).as("no live control").isEmpty();
        WebSession owner = clientOwner.session();
        owner.get("/dev/channel");
        assertThat(owner.post("/dev/channel", Map.of("profile", clientProfile.toString(), "phone", "+15550109988",
                "body", "Can you call me back?")).status()).isEqualTo(302);
        String link = partner.get("/inbox?tab=unassigned").document().select(".conversation-list li a").attr("href");
        var conversation = partner.get(link).document();
        assertThat(conversation.select(".messages").text()).contains("Can you call me back?");
        assertThat(conversation.select("fieldset.bulk").hasAttr("disabled")).as("bulk moves shown, disabled").isTrue();
        assertThat(conversation.select("input[type=checkbox][form=bulk]").hasAttr("disabled")).isTrue();
        var work = conversation.select("section.conversation fieldset.work");
        assertThat(work).as("the header's actions and the composer").hasSize(2).allSatisfy(fieldset -> {
            assertThat(fieldset.hasAttr("disabled")).as("the controls are there, disabled").isTrue();
            assertThat(fieldset.attr("title")).isEqualTo(reason);
            assertThat(fieldset.attr("aria-describedby")).isEqualTo("read-only-reason");
        });
        assertThat(work.select("button[type=submit]").eachText()).containsExactly("Assign", "Set reminder", "Won", "Lost", "Other", "Send reply");
        assertThat(work.select("[data-composer-mode]").eachText()).containsExactly("Reply", "Note");
        String conversationId = link.replaceFirst(".*[?&]c=([0-9a-f-]+).*", "$1");
        assertThat(partner.post("/inbox/conversations/" + conversationId + "/reply", Map.of("body", "Sent anyway")).status())
                .as("posting past the disabled form is refused").isEqualTo(403);
        var shortcuts = partner.get("/shortcuts").document().select("form[action$=/shortcuts] fieldset.work");
        assertThat(shortcuts.hasAttr("disabled")).as("adding a shortcut is shown, disabled").isTrue();
        assertThat(shortcuts.attr("title")).isEqualTo(reason);
        assertThat(databaseOwner().sql("SELECT name FROM users WHERE id = :u").param("u", member.id()).query(String.class).single())
                .isNotEqualTo("Renamed");

        // Nobody else gets the notice or disabled controls.
        var ownerTeam = clientOwner.session().get("/team").document();
        assertThat(ownerTeam.select("#read-only-reason, [aria-disabled=true]")).isEmpty();
    }

    @Test
    void anEndedGrantSendsThePartnerBackToTheAgencyOnTheNextRequest() {
        WebSession partner = agencyAdmin.session();
        actIn(partner, clientId);
        WebSession staff = visitor();
        com.leadline.testing.StaffSignIn.signIn(staff, databaseOwner(), clock);
        staff.get("/support");
        assertThat(staff.post("/support/partner-access/end", Map.of("client", clientId.toString(), "agency", agencyId.toString(),
                "reason", "The client asked support to end it.")).status()).isEqualTo(302);

        assertThat(WebSession.json(partner.api("GET", "/api/v1/session", null)).get("accountId").asString())
                .isEqualTo(agencyId.toString());
        assertThat(partner.api("GET", "/api/v1/profiles/" + clientProfile, null).status()).isEqualTo(404);
        partner.get("/partners");
        assertThat(partner.post("/partners/act", Map.of("account", clientId.toString())).status()).isEqualTo(404);
    }

    private static void actIn(WebSession session, UUID accountId) {
        session.get("/team");
        WebSession.Page switched = session.post("/partners/act", Map.of("account", accountId.toString()));
        assertThat(switched.status()).as(switched.body()).isEqualTo(302);
    }
}
