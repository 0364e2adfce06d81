package com.leadline.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Partner agencies: their own sign-up and console, referral sign-ups that grant Admin, the client's control of the level. */
class PartnersIntegrationTests extends IntegrationTest {

    record Agency(UUID id, String email, WebSession session, String referralLink) {
    }

    @Test
    void anAgencySignsUpAndLandsOnItsConsoleWithAReferralLink() {
        Agency agency = agencySignUp("Bright Signal Marketing");

        assertThat(URI.create(agency.session().get("/").location()).getPath()).isEqualTo("/partners");
        WebSession.Page console = agency.session().get("/partners");
        assertThat(console.heading()).isEqualTo("Partner console");
        assertThat(agency.referralLink()).matches("http://leadline\\.test/signup\\?partner=[A-Z2-7]{10}");
        assertThat(console.document().select(".empty-state").text()).contains("No clients yet");
        assertThat(databaseOwner().sql("SELECT kind FROM accounts WHERE id = :a").param("a", agency.id())
                .query(String.class).single()).isEqualTo("agency");
        assertThat(databaseOwner().sql("SELECT role FROM account_members WHERE account_id = :a").param("a", agency.id())
                .query(String.class).list()).containsExactly("admin");
        assertThat(databaseOwner().sql("SELECT count(*) FROM profiles WHERE account_id = :a").param("a", agency.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void thePublicPagesLeadToTheAgencySignUpAndANewAgencyLandsOnItsConsoleNotAnInbox() {
        WebSession visitor = visitor();
        for (String page : List.of("/signin", "/signup", "/signup?partner=ABCDEFGHIJ")) {
            assertThat(visitor.get(page).document().select("a:contains(Sign up as a partner agency)").attr("href"))
                    .as(page).isEqualTo("/partners/signup");
        }
        assertThat(visitor.get("/partners/signup").document().select("a:contains(Sign up as a partner agency)"))
                .as("not on the agency's own form").isEmpty();

        Agency agency = agencySignUp("Straight To Console Agency");
        WebSession.Page welcome = agency.session().get("/welcome");
        assertThat(URI.create(welcome.location()).getPath()).isEqualTo("/partners");
        assertThat(agency.session().get(welcome.location()).heading()).isEqualTo("Partner console");

        WebSession business = visitor();
        business.signUp("Still Welcomed Bakery", "Bo Baker", TeamFixture.unique("bo"), PASSWORD);
        WebSession.Page businessWelcome = business.get("/welcome");
        assertThat(businessWelcome.status()).as("a business still gets the welcome page").isEqualTo(200);
        assertThat(businessWelcome.document().select("main a").text()).contains("Go to your inbox");
    }

    @Test
    void aSignUpThroughTheReferralLinkGivesTheAgencyAdminAccessInTheSameTransaction() {
        Agency agency = agencySignUp("Lighthouse Leads Agency");
        WebSession client = visitor();
        WebSession.Page form = client.get(URI.create(agency.referralLink()).getRawPath() + "?" + URI.create(agency.referralLink()).getRawQuery());
        String code = form.document().select("input[name=partner]").val();
        assertThat(agency.referralLink()).endsWith(code);
        String ownerEmail = TeamFixture.unique("client");
        assertThat(client.post("/signup", Map.of("businessName", "Harbour Homes", "yourName", "Hana Owner", "email", ownerEmail,
                "password", PASSWORD, "timezone", "UTC", "partner", code)).location()).endsWith("/welcome");

        JsonNode agencies = WebSession.json(client.api("GET", "/api/v1/partners/agencies", null));
        assertThat(agencies.values()).singleElement().satisfies(grant -> {
            assertThat(grant.get("name").asString()).isEqualTo("Lighthouse Leads Agency");
            assertThat(grant.get("level").asString()).isEqualTo("admin");
        });
        JsonNode clients = WebSession.json(agency.session().api("GET", "/api/v1/partners/clients", null));
        assertThat(clients.get("clients").values()).singleElement().satisfies(grant -> {
            assertThat(grant.get("name").asString()).isEqualTo("Harbour Homes");
            assertThat(grant.get("level").asString()).isEqualTo("admin");
        });
        assertThat(agency.session().get("/partners").document().select("#client-list td").text()).contains("Harbour Homes", "Admin");
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE action = 'partner.grant_created' AND target_id = :a")
                .param("a", agency.id().toString()).query(Integer.class).single()).isEqualTo(1);

        // The same address again: no second account, and no second grant.
        WebSession again = visitor();
        again.get("/signup?partner=" + code);
        again.post("/signup", Map.of("businessName", "Harbour Homes Two", "yourName", "Hana", "email", ownerEmail,
                "password", PASSWORD, "timezone", "UTC", "partner", code));
        assertThat(databaseOwner().sql("SELECT count(*) FROM partner_grants WHERE agency_account_id = :a")
                .param("a", agency.id()).query(Integer.class).single()).isEqualTo(1);
        // An unknown code opens the account without any grant.
        WebSession stranger = visitor();
        stranger.get("/signup?partner=AAAAAAAAAA");
        stranger.post("/signup", Map.of("businessName", "No Partner Plumbing", "yourName", "Nia", "email",
                TeamFixture.unique("np"), "password", PASSWORD, "timezone", "UTC", "partner", "AAAAAAAAAA"));
        assertThat(WebSession.json(stranger.api("GET", "/api/v1/partners/agencies", null)).values()).isEmpty();
    }

    @Test
    void theClientsOwnerAndAdminsSwitchTheLevelForTheWholeAgencyAndNobodyOnTheClientSideEndsIt() {
        Agency agency = agencySignUp("Switchboard Agency");
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        WebSession owner = visitor();
        String code = agency.referralLink().substring(agency.referralLink().indexOf('=') + 1);
        owner.get("/signup?partner=" + code);
        String ownerEmail = TeamFixture.unique("owner");
        owner.post("/signup", Map.of("businessName", "Level Lofts", "yourName", "Lea Owner", "email", ownerEmail,
                "password", PASSWORD, "timezone", "UTC", "partner", code));
        JsonNode me = WebSession.json(owner.api("GET", "/api/v1/session", null));
        TeamFixture.Member ownerMember = new TeamFixture.Member(UUID.fromString(me.get("userId").asString()), ownerEmail, owner);
        TeamFixture.Member admin = fixture.join(ownerMember, "admin", null);
        TeamFixture.Member member = fixture.join(ownerMember, "member", null);
        String level = "/api/v1/partners/agencies/" + agency.id() + "/level";

        assertThat(owner.api("PUT", level, Map.of("level", "read_only")).status()).isEqualTo(204);
        assertThat(clientLevel(agency)).isEqualTo("read_only");
        assertThat(agency.session().get("/partners").document().select("#client-list td").text()).contains("Read only");
        assertThat(admin.session().api("PUT", level, Map.of("level", "admin")).status()).isEqualTo(204);
        assertThat(clientLevel(agency)).isEqualTo("admin");
        assertThat(member.session().api("PUT", level, Map.of("level", "read_only")).status()).isEqualTo(403);
        assertThat(owner.api("PUT", level, Map.of("level", "owner")).status()).isEqualTo(422);
        WebSession.Page page = owner.get("/team/partners");
        assertThat(page.document().select("#partner-agencies td").text()).contains("Switchboard Agency", "Partner", "Admin");
        assertThat(page.document().select("#partner-agencies form[hx-confirm]").attr("hx-confirm"))
                .isEqualTo("Switch Switchboard Agency to Read only? This applies to every user of Switchboard Agency: "
                        + "they will only be able to look in this account.");
        assertThat(member.session().get("/team/partners").document().select("select, button")).as("no controls").isEmpty();
        admin.session().get("/team");
        assertThat(admin.session().post("/team/partners/" + agency.id() + "/level", Map.of("level", "read_only")).status())
                .as("the Team page's one action, without htmx").isEqualTo(302);
        assertThat(clientLevel(agency)).isEqualTo("read_only");
        assertThat(admin.session().get("/team").document().select("#partner-agencies tr[data-agency-id] td.agency-level").text())
                .as("in the agency's row, with the page").isEqualTo("Read only");
        assertThat(owner.api("PUT", level, Map.of("level", "admin")).status()).isEqualTo(204);

        TeamFixture.Account elsewhere = fixture.openAccount("Elsewhere");
        assertThat(elsewhere.owner().session().api("PUT", level, Map.of("level", "read_only")).status()).isEqualTo(404);
        for (WebSession client : List.of(owner, admin.session())) {
            assertThat(client.api("DELETE", "/api/v1/partners/agencies/" + agency.id(), null).status()).isIn(404, 405);
            client.get("/team");
            assertThat(client.post("/team/partners/" + agency.id() + "/revoke", Map.of()).status()).isIn(404, 405);
        }
        assertThat(clientLevel(agency)).as("still there: only support ends it").isEqualTo("admin");
        assertThat(owner.get("/partners").status()).as("a business has no partner console").isEqualTo(404);
        assertThat(databaseOwner().sql("SELECT action FROM audit_log WHERE target_id = :a ORDER BY id")
                .param("a", agency.id().toString()).query(String.class).list())
                .containsSubsequence("partner.grant_created", "partner.level_changed", "partner.level_changed",
                        "partner.level_changed", "partner.level_changed");
    }

    @Test
    void theOwnerGivesAnAgencyAccessByItsCode() {
        Agency agency = agencySignUp("Code Word Agency");
        String code = agency.referralLink().substring(agency.referralLink().indexOf('=') + 1);
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account client = fixture.openAccount("Existing Bakery");
        TeamFixture.Member admin = fixture.join(client.owner(), "admin", null);
        WebSession owner = client.owner().session();

        assertThat(admin.session().api("POST", "/api/v1/partners/agencies", Map.of("code", code, "level", "admin")).status())
                .as("the owner's decision").isEqualTo(403);
        WebSession.Page unknown = owner.api("POST", "/api/v1/partners/agencies", Map.of("code", "ABCDEFGHIJ", "level", "admin"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(WebSession.json(unknown).get("errors").get("code").asString()).contains("No partner agency has that code");
        owner.get("/team");
        assertThat(owner.post("/team/partners", Map.of("code", " " + code.toLowerCase() + " ", "level", "read_only")).status())
                .isEqualTo(302);
        assertThat(clientLevel(agency)).isEqualTo("read_only");
        assertThat(owner.api("POST", "/api/v1/partners/agencies", Map.of("code", code, "level", "admin")).status())
                .as("already there").isEqualTo(409);
        assertThat(databaseOwner().sql("SELECT details ->> 'via' FROM audit_log WHERE action = 'partner.grant_created' AND target_id = :a")
                .param("a", agency.id().toString()).query(String.class).single()).isEqualTo("code");
    }

    private String clientLevel(Agency agency) {
        return WebSession.json(agency.session().api("GET", "/api/v1/partners/clients", null)).get("clients").get(0)
                .get("level").asString();
    }

    private Agency agencySignUp(String name) {
        WebSession session = visitor();
        session.get("/partners/signup");
        String email = TeamFixture.unique("agency");
        assertThat(session.post("/partners/signup", Map.of("businessName", name, "yourName", "Ada Agency", "email", email,
                "password", PASSWORD)).location()).endsWith("/welcome");
        JsonNode me = WebSession.json(session.api("GET", "/api/v1/session", null));
        String link = WebSession.json(session.api("GET", "/api/v1/partners/clients", null)).get("referralLink").asString();
        return new Agency(UUID.fromString(me.get("accountId").asString()), email, session, link);
    }
}
