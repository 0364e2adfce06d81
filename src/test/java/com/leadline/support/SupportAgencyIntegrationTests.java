package com.leadline.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.StaffSignIn;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Support staff open a partner agency and invite its first admin, who accepts and lands on the partner console. */
class SupportAgencyIntegrationTests extends IntegrationTest {

    @Test
    void staffOpenAnAgencyWhoseFirstAdminAcceptsTheInvitation() {
        WebSession staff = visitor();
        StaffSignIn.signIn(staff, databaseOwner(), clock);
        String adminEmail = TeamFixture.unique("agency-admin");
        staff.get("/support");
        WebSession.Page created = staff.post("/support/agencies", Map.of("agencyName", "Console Made Agency",
                "adminName", "Cam Admin", "adminEmail", adminEmail));
        assertThat(URI.create(created.location()).getPath()).isEqualTo("/support");
        org.jsoup.nodes.Document lookedUp = staff.get("/support?email=" + adminEmail).document();
        assertThat(lookedUp.select("#user-state").text()).startsWith("Invited");
        assertThat(lookedUp.select("tr:has(td:containsOwn(invitation.sent)) td:eq(3)").text())
                .as("the audit entry says where the staff member's request came from")
                .matches("127\\.0\\.0\\.1 \\(session [0-9a-f]{16}\\)");

        WebSession admin = visitor();
        new TeamFixture(port, databaseOwner()).acceptLatestInvitation(admin, adminEmail);
        assertThat(URI.create(admin.get("/").location()).getPath()).isEqualTo("/partners");
        assertThat(admin.get("/partners").heading()).isEqualTo("Partner console");
        assertThat(databaseOwner().sql("""
                        SELECT a.kind || ':' || m.role FROM users u JOIN accounts a ON a.id = u.account_id
                        JOIN account_members m ON m.user_id = u.id WHERE u.email = :e""")
                .param("e", adminEmail).query(String.class).single()).isEqualTo("agency:admin");
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE action = 'support.agency_created'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void aMissingNameOrATakenAddressCreatesNothing() {
        WebSession staff = visitor();
        StaffSignIn.signIn(staff, databaseOwner(), clock);
        TeamFixture.Account existing = new TeamFixture(port, databaseOwner()).openAccount("Already Here");
        int agencies = databaseOwner().sql("SELECT count(*) FROM accounts WHERE kind = 'agency'").query(Integer.class).single();

        staff.get("/support");
        WebSession.Page taken = staff.post("/support/agencies", Map.of("agencyName", "Copycat Agency", "adminName", "Cop Cat",
                "adminEmail", existing.owner().email()));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.document().select(".error-summary").text()).contains("already belongs");
        staff.get("/support");
        assertThat(staff.post("/support/agencies", Map.of("agencyName", " ", "adminName", "X", "adminEmail",
                TeamFixture.unique("x"))).status()).isEqualTo(422);
        assertThat(databaseOwner().sql("SELECT count(*) FROM accounts WHERE kind = 'agency'").query(Integer.class).single())
                .isEqualTo(agencies);
    }
}
