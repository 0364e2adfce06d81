package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invitation links: 72 hours from the last sending to the second, single use, the newest link only. */
class InvitationClockIntegrationTests extends IntegrationTest {

    private static final Duration JUST_INSIDE = Duration.ofHours(72).minusSeconds(1);
    private static final Duration JUST_OUTSIDE = Duration.ofHours(72).plusSeconds(1);

    private TeamFixture fixture;
    private TeamFixture.Account account;

    @BeforeEach
    void openAccount() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Clockwork Homes");
    }

    @Test
    void aLinkAcceptedAt71h59m59sWorks() {
        String email = TeamFixture.unique("invitee");
        UUID invitee = fixture.invite(account.owner(), "Ivy", email, "member", null);
        String link = TeamFixture.invitationLink(email);

        clock.advance(JUST_INSIDE);
        WebSession visitor = visitor();
        assertThat(visitor.get(link).status()).isEqualTo(200);
        WebSession.Page accepted = visitor.post("/invitations/accept",
                Map.of("token", TeamFixture.tokenOf(link), "name", "Ivy", "password", PASSWORD));

        assertThat(accepted.status()).isEqualTo(302);
        assertThat(statusOf(invitee)).isEqualTo("active");
        assertThat(visitor.isSignedIn()).isTrue();
    }

    @Test
    void aLinkAcceptedAt72h00m01sIsRefusedAndChangesNothing() {
        String email = TeamFixture.unique("invitee");
        UUID invitee = fixture.invite(account.owner(), "Ivy", email, "member", null);
        String link = TeamFixture.invitationLink(email);

        clock.advance(JUST_OUTSIDE);
        WebSession visitor = visitor();
        WebSession.Page page = visitor.get(link);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.heading()).isEqualTo("This invitation can't be used");
        visitor.get("/signin");
        WebSession.Page refused = visitor.post("/invitations/accept",
                Map.of("token", TeamFixture.tokenOf(link), "name", "Ivy", "password", PASSWORD));

        assertThat(refused.status()).isEqualTo(410);
        assertThat(statusOf(invitee)).isEqualTo("invited");
        assertThat(visitor.isSignedIn()).isFalse();
        assertThat(databaseOwner().sql("SELECT accepted_at IS NULL FROM invitations WHERE user_id = :u")
                .param("u", invitee).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aResendKillsTheOldLinkAndRestartsTheSeventyTwoHours() {
        String email = TeamFixture.unique("invitee");
        UUID invitee = fixture.invite(account.owner(), "Ivy", email, "member", null);
        String firstLink = TeamFixture.invitationLink(email);

        clock.advance(Duration.ofHours(50));
        assertThat(account.owner().session().api("POST", "/api/v1/team/members/" + invitee + "/invitation/resend", null)
                .status()).isEqualTo(204);
        String secondLink = TeamFixture.link(email, 2);
        assertThat(secondLink).isNotEqualTo(firstLink);
        assertThat(visitor().get(firstLink).status()).as("the old link dies at once").isEqualTo(410);

        clock.advance(JUST_INSIDE);
        WebSession visitor = visitor();
        assertThat(visitor.get(secondLink).status()).as("72 hours from the resend, not from the first sending").isEqualTo(200);
        assertThat(visitor.post("/invitations/accept", Map.of("token", TeamFixture.tokenOf(secondLink), "name", "Ivy",
                "password", PASSWORD)).status()).isEqualTo(302);
        assertThat(statusOf(invitee)).isEqualTo("active");
    }

    @Test
    void twentyConcurrentAcceptsOfOneLinkActivateExactlyOnce() throws Exception {
        String email = TeamFixture.unique("invitee");
        UUID invitee = fixture.invite(account.owner(), "Ivy", email, "member", null);
        String link = TeamFixture.invitationLink(email);
        List<WebSession> visitors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WebSession visitor = visitor();
            visitor.get(link);
            visitors.add(visitor);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (WebSession visitor : visitors) {
            statuses.add(pool.submit(() -> {
                start.await();
                return visitor.post("/invitations/accept", Map.of("token", TeamFixture.tokenOf(link), "name", "Ivy",
                        "password", PASSWORD)).status();
            }));
        }
        start.countDown();
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get());
        }
        pool.shutdown();

        assertThat(answers).filteredOn(status -> status == 302).hasSize(1);
        assertThat(answers).filteredOn(status -> status == 410).hasSize(19);
        assertThat(visitors.stream().filter(WebSession::isSignedIn)).hasSize(1);
        assertThat(statusOf(invitee)).isEqualTo("active");
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE action = 'invitation.accepted' AND target_id = :u")
                .param("u", invitee.toString()).query(Integer.class).single()).isEqualTo(1);
        assertThat(databaseOwner().sql("SELECT count(*) FROM users WHERE email = :e").param("e", email)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private String statusOf(UUID userId) {
        return databaseOwner().sql("SELECT status FROM users WHERE id = :u").param("u", userId).query(String.class).single();
    }
}
