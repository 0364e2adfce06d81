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
        assertThat(partner.get("/partners").document().select("#account-switcher option").eachText())
                .containsExactly("Northwind Partners (partner console)", "Contoso Cleaning");
        actIn(partner, clientId);

        assertThat(WebSession.json(partner.api("GET", "/api/v1/session", null)).get("accountId").asString())
                .isEqualTo(clientId.toString());
        assertThat(partner.get("/team").document().select("button[aria-label=Add team member]")).hasSize(1);
        assertThat(partner.get("/team").document().select("#profile-switcher option").eachText())
                .as("the profile switcher follows the same rule: partners work in every profile")
                .containsExactly("All Profiles", "Contoso Cleaning");
        assertThat(fixture.invite(agencyAdmin, "Invited By Partner", TeamFixture.unique("ibp"), "admin", null)).isNotNull();
        assertThat(partner.api("PUT", "/api/v1/profiles/" + clientProfile, Map.of("name", "Contoso Cleaning HQ",
                "timezone", "UTC")).status()).isEqualTo(200);
        assertThat(partner.api("PUT", "/api/v1/profiles/" + clientProfile + "/plan", Map.of("plan", "premium")).status())
                .as("billing stays the owner's").isEqualTo(403);
        assertThat(partner.api("PUT", "/api/v1/partners/agencies/" + agencyId + "/level", Map.of("level", "admin")).status())
                .as("a partner doesn't set its own level").isEqualTo(403);

        partner.get("/settings");
        assertThat(partner.post("/settings/password", Map.of("currentPassword", PASSWORD, "newPassword",
                "violet harbor copper maze")).location()).as("their own password, wherever they work").contains("passwordChanged");

        actIn(partner, agencyId);
        assertThat(partner.get("/partners").heading()).isEqualTo("Partner console");
        assertThat(partner.api("GET", "/api/v1/profiles/" + clientProfile, null).status()).as("back home").isEqualTo(404);
    }

    @Test
    void theClientSeesPartnersOnItsTeamButCannotEditOrDeactivateThem() {
        WebSession owner = clientOwner.session();
        var page = owner.get("/team").document();
        assertThat(page.select("tr.partner-row").text()).contains("Nora Partner", "Partner", "Northwind Partners", "Partner (Admin)");
        assertThat(page.select("tr.partner-row button")).isEmpty();
        assertThat(owner.get("/team?type=team").document().select("tr.partner-row")).isEmpty();
        assertThat(owner.get("/team?type=partners").document().select("#team-list tbody tr")).hasSize(1);
        JsonNode list = WebSession.json(owner.api("GET", "/api/v1/team/members", null));
        assertThat(list.get("partners").values()).extracting(row -> row.get("agency").asString()).containsExactly("Northwind Partners");

        String partnerId = agencyAdmin.id().toString();
        assertThat(owner.get("/team/members/" + partnerId + "/edit").status()).isEqualTo(403);
        owner.get("/team");
        assertThat(owner.post("/team/members/" + partnerId + "/deactivate", Map.of()).status()).isEqualTo(403);
        assertThat(owner.api("POST", "/api/v1/team/members/" + partnerId + "/deactivation", null).status()).isEqualTo(403);
        assertThat(owner.api("PUT", "/api/v1/team/members/" + partnerId, Map.of("name", "Taken", "email", agencyAdmin.email(),
                "role", "member", "profileIds", List.of())).status()).isEqualTo(403);
        assertThat(databaseOwner().sql("SELECT status FROM users WHERE id = :u").param("u", agencyAdmin.id())
                .query(String.class).single()).isEqualTo("active");
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
            assertThat(session.get("/team").document().select("button[aria-label=Add team member]")).isEmpty();
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
    void aRevokedGrantSendsThePartnerBackToTheAgencyOnTheNextRequest() {
        WebSession partner = agencyAdmin.session();
        actIn(partner, clientId);
        assertThat(clientOwner.session().api("DELETE", "/api/v1/partners/agencies/" + agencyId, null).status()).isEqualTo(204);

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
