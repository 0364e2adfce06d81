package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.platform.CallerContext;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The seeders' way to accept an invitation without its link is closed to anything a person's request runs. */
class InvitationsPortIntegrationTests extends IntegrationTest {

    @Autowired
    private Invitations invitations;

    @Test
    void aPersonsRequestCannotAcceptAnInvitationWithoutItsLinkAndNothingChanges() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Portside Dental");
        UUID invitee = fixture.invite(account.owner(), "Ivy", TeamFixture.unique("invitee"), "member", null);

        try (CallerContext.Scope request = CallerContext.enterRequest("203.0.113.50", () -> "session")) {
            assertThatThrownBy(() -> invitations.acceptPending(account.id(), invitee, "Ivy", PASSWORD))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(statusOf(invitee)).isEqualTo("invited");

        CallerContext.runAsSystem("probe seeder", () -> invitations.acceptPending(account.id(), invitee, "Ivy", PASSWORD));
        assertThat(statusOf(invitee)).isEqualTo("active");
    }

    private String statusOf(UUID userId) {
        return databaseOwner().sql("SELECT status FROM users WHERE id = :u").param("u", userId).query(String.class).single();
    }
}
