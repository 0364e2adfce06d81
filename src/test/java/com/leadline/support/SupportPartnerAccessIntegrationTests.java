package com.leadline.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import com.leadline.testing.StaffSignIn;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ending a partner relationship is a support action (the client cannot, S45 and PERMISSIONS.md row 12):
 * staff end an agency's access to a client account with a reason, audited in both accounts, and the
 * client's active owner and admins are told by email after the commit. Bad input changes nothing.
 */
class SupportPartnerAccessIntegrationTests extends IntegrationTest {

    private static final String REASON = "The client asked by phone to stop working with this agency.";

    private TeamFixture fixture;
    private String clientName;
    private TeamFixture.Account client;
    private WebSession partner;
    private UUID agencyId;
    private WebSession staff;

    @BeforeEach
    void aClientWithAnAgencyAtWork() {
        fixture = new TeamFixture(port, databaseOwner());
        clientName = "Ending Bakery " + UUID.randomUUID().toString().substring(0, 8);
        client = fixture.openAccount(clientName);
        partner = fixture.partnerWorkingIn(client.id(), "admin");
        agencyId = databaseOwner().sql("SELECT agency_account_id FROM partner_grants WHERE client_account_id = :c")
                .param("c", client.id()).query(UUID.class).single();
        staff = visitor();
        StaffSignIn.signIn(staff, databaseOwner(), clock);
    }

    @Test
    void staffEndAnAgencysAccessWithAReasonOnRecordInBothAccountsAndTheClientsAdminsAreTold() {
        TeamFixture.Member admin = fixture.join(client.owner(), "admin", null);
        TeamFixture.Member member = fixture.join(client.owner(), "member", null);
        TeamFixture.Member formerAdmin = fixture.join(client.owner(), "admin", null);
        assertThat(client.owner().session().api("POST", "/api/v1/team/members/" + formerAdmin.id() + "/deactivation", null)
                .status()).isEqualTo(204);

        WebSession.Page console = staff.get("/support?email=" + client.owner().email());
        assertThat(console.document().select("table[aria-labelledby=partner-access-heading] td").text())
                .contains("Agency admin", "Admin");
        assertThat(console.document().select("form[action=/support/partner-access/end] input[name=agency]").val())
                .isEqualTo(agencyId.toString());

        WebSession.Page ended = end(client.id().toString(), agencyId.toString(), "  " + REASON + " ");
        assertThat(URI.create(ended.location()).getPath()).isEqualTo("/support");
        assertThat(grants()).isZero();

        assertThat(databaseOwner().sql("""
                        SELECT account_id || ' ' || target_type || ' ' || target_id || ' ' || (details ->> 'reason')
                        FROM audit_log WHERE action = 'support.partner_access_ended' AND account_id IN (:c, :a) ORDER BY account_id""")
                .param("c", client.id()).param("a", agencyId).query(String.class).list())
                .containsExactlyInAnyOrder(client.id() + " agency " + agencyId + " " + REASON,
                        agencyId + " account " + client.id() + " " + REASON);
        assertThat(databaseOwner().sql("SELECT recipient FROM mail_outbox WHERE subject = :s")
                .param("s", "Agency admin no longer has access to " + clientName).query(String.class).list())
                .as("the active owner and admins, not team members or deactivated admins")
                .containsExactlyInAnyOrder(client.owner().email(), admin.email())
                .doesNotContain(member.email(), formerAdmin.email());
        for (String recipient : List.of(client.owner().email(), admin.email())) {
            MimeMessage mail = Smtp.awaitMessage(recipient, "no longer has access");
            assertThat(Smtp.body(mail)).contains("Agency admin", clientName, REASON);
        }

        assertThat(WebSession.json(partner.api("GET", "/api/v1/session", null)).get("accountId").asString())
                .as("the partner is back at the agency on the next request").isEqualTo(agencyId.toString());
        assertThat(end(client.id().toString(), agencyId.toString(), REASON).status())
                .as("no access left to end").isEqualTo(404);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        TeamFixture.Account stranger = fixture.openAccount("Stranger Salon");
        String client = this.client.id().toString();
        String agency = agencyId.toString();

        WebSession.Page noReason = end(client, agency, "   ");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.document().select(".field-error").text()).contains("Say why the access ends");
        assertThat(end(client, agency, "x".repeat(501)).status()).as("oversized reason").isEqualTo(422);
        assertThat(end(client, UUID.randomUUID().toString(), REASON).status()).as("unknown agency").isEqualTo(404);
        assertThat(end(UUID.randomUUID().toString(), agency, REASON).status()).as("unknown account").isEqualTo(404);
        assertThat(end("not-an-id", agency, REASON).status()).as("malformed id").isEqualTo(404);
        assertThat(end(stranger.id().toString(), agency, REASON).status()).as("an account the agency has no access to")
                .isEqualTo(404);
        assertThat(end(agency, client, REASON).status()).as("the two sides swapped").isEqualTo(404);
        staff.get("/support");
        assertThat(staff.postRaw("/support/partner-access/end", Map.of("client", client, "agency", agency, "reason", REASON))
                .status()).as("without the CSRF token").isEqualTo(403);
        client().get("/team");
        assertThat(client().post("/support/partner-access/end", Map.of("client", client, "agency", agency, "reason", REASON))
                .status()).as("the client's owner").isEqualTo(404);

        assertThat(grants()).isOne();
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE action = 'support.partner_access_ended' AND account_id IN (:c, :a)")
                .param("c", this.client.id()).param("a", agencyId).query(Integer.class).single()).isZero();
        assertThat(databaseOwner().sql("SELECT count(*) FROM mail_outbox WHERE recipient = :r AND subject LIKE '%no longer has access%'")
                .param("r", this.client.owner().email()).query(Integer.class).single()).isZero();
    }

    private WebSession client() {
        return client.owner().session();
    }

    private WebSession.Page end(String clientId, String agency, String reason) {
        staff.get("/support");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client", clientId);
        form.put("agency", agency);
        form.put("reason", reason);
        form.put("email", client.owner().email());
        return staff.post("/support/partner-access/end", form);
    }

    private int grants() {
        return databaseOwner().sql("SELECT count(*) FROM partner_grants WHERE client_account_id = :c AND agency_account_id = :a")
                .param("c", client.id()).param("a", agencyId).query(Integer.class).single();
    }
}
