package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.Smtp;
import com.leadline.testing.WebSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's team rules one by one: profiles on invitation, one owner, account-wide roles, limits, deactivation's reach. */
class TeamRulesIntegrationTests extends IntegrationTest {

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;
    private UUID second;
    private UUID third;

    @BeforeEach
    void openAccount() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Rulebook Roofing");
        owner = account.owner().session();
        second = fixture.addProfile(account, "Rulebook Roofing West");
        third = fixture.addProfile(account, "Rulebook Roofing South");
    }

    @Test
    void allProfilesMeansEveryProfileTheInviterManagesAndOneProfileMeansThatOne() {
        UUID byOwner = fixture.invite(account.owner(), "All Of Them", TeamFixture.unique("a"), "member", null);
        assertThat(memberships(byOwner)).containsExactlyInAnyOrder(account.firstProfileId(), second, third);

        UUID single = fixture.invite(account.owner(), "Just West", TeamFixture.unique("w"), "member", second);
        assertThat(memberships(single)).containsExactly(second);

        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        owner.api("PUT", "/api/v1/team/members/" + admin.id(), Map.of("name", "Two Profile Admin", "email", admin.email(),
                "role", "admin", "profileIds", List.of(account.firstProfileId().toString(), second.toString())));
        UUID byAdmin = fixture.invite(admin, "Admin's All", TeamFixture.unique("b"), "member", null);
        assertThat(memberships(byAdmin)).as("an admin's All Profiles is their own profiles")
                .containsExactlyInAnyOrder(account.firstProfileId(), second);
        WebSession.Page outside = admin.session().api("POST", "/api/v1/team/members", Map.of("name", "South Only",
                "email", TeamFixture.unique("s"), "role", "member", "profile", third.toString()));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(WebSession.json(outside).get("errors").get("profile").asString()).contains("profiles you manage");
    }

    @Test
    void theOwnerStaysTheOneOwnerAndOwnershipCannotMove() {
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        String ownerEmail = account.owner().email();

        assertThat(owner.api("PUT", "/api/v1/team/members/" + account.owner().id(), Map.of("name", "Olive Owner",
                "email", ownerEmail, "role", "admin", "profileIds", List.of())).status()).as("owner demotes self").isEqualTo(403);
        assertThat(admin.session().api("PUT", "/api/v1/team/members/" + account.owner().id(), Map.of("name", "Taken",
                "email", ownerEmail, "role", "owner", "profileIds", List.of())).status()).as("admin edits owner").isEqualTo(403);
        WebSession.Page promote = owner.api("PUT", "/api/v1/team/members/" + member.id(), Map.of("name", "Member",
                "email", member.email(), "role", "owner", "profileIds", List.of(account.firstProfileId().toString())));
        assertThat(promote.status()).as("owner hands ownership over").isEqualTo(422);
        assertThat(owner.api("POST", "/api/v1/team/members", Map.of("name", "Second Owner", "email", TeamFixture.unique("o"),
                "role", "owner", "profile", "all")).status()).isEqualTo(422);
        assertThat(owner.api("POST", "/api/v1/team/members/" + account.owner().id() + "/deactivation", null).status()).isEqualTo(403);
        assertThat(admin.session().api("POST", "/api/v1/team/members/" + account.owner().id() + "/deactivation", null).status())
                .isEqualTo(403);

        assertThat(databaseOwner().sql("SELECT user_id FROM account_members WHERE account_id = :a AND role = 'owner'")
                .param("a", account.id()).query(UUID.class).list()).containsExactly(account.owner().id());
        // The owner is an admin in every respect: they invite admins and edit anyone else.
        assertThat(fixture.invite(account.owner(), "New Admin", TeamFixture.unique("n"), "admin", null)).isNotNull();
        assertThat(owner.api("GET", "/api/v1/team/members/" + admin.id() + "/deactivation", null).status()).isEqualTo(200);
    }

    @Test
    void aRoleIsAccountWideAndAChangeAppliesOnTheVeryNextRequest() {
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        TeamFixture.Member inWest = fixture.join(account.owner(), "member", second);
        TeamFixture.Member inSouth = fixture.join(account.owner(), "member", third);
        // One role row per user, whatever the number of profiles.
        assertThat(databaseOwner().sql("SELECT count(*) FROM account_members WHERE user_id = :u").param("u", admin.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(memberships(admin.id())).hasSize(3);
        for (TeamFixture.Member colleague : List.of(inWest, inSouth)) {
            assertThat(admin.session().api("GET", "/api/v1/team/members/" + colleague.id() + "/deactivation", null).status())
                    .as("admin in every profile they belong to").isEqualTo(200);
        }

        assertThat(owner.api("PUT", "/api/v1/team/members/" + admin.id(), Map.of("name", "Demoted", "email", admin.email(),
                "role", "member", "profileIds", List.of(account.firstProfileId().toString(), second.toString()))).status())
                .isEqualTo(204);
        assertThat(admin.session().api("POST", "/api/v1/team/members", Map.of("name", "Too Late", "email",
                TeamFixture.unique("t"), "role", "member", "profile", "all")).status()).as("demoted: next request").isEqualTo(403);
        assertThat(admin.session().api("GET", "/api/v1/team/members/" + inSouth.id(), null).status())
                .as("out of South: its members are out of sight on the next request").isEqualTo(404);
        assertThat(admin.session().api("GET", "/api/v1/team/members/" + inWest.id(), null).status()).isEqualTo(200);
    }

    @Test
    void resendsAndInvitationsAreLimitedWithRetryAfter() {
        String email = TeamFixture.unique("limited");
        UUID invitee = fixture.invite(account.owner(), "Limited", email, "member", null);
        for (int resend = 1; resend <= 5; resend++) {
            assertThat(owner.api("POST", "/api/v1/team/members/" + invitee + "/invitation/resend", null).status()).isEqualTo(204);
        }
        WebSession.Page sixth = owner.api("POST", "/api/v1/team/members/" + invitee + "/invitation/resend", null);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isPresent();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(owner.api("POST", "/api/v1/team/members/" + invitee + "/invitation/resend", null).status()).isEqualTo(204);

        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < 199; i++) {
            byte[] hash = new byte[32];
            new java.security.SecureRandom().nextBytes(hash);
            databaseOwner().sql("""
                            INSERT INTO invitations (id, account_id, user_id, email, token_hash, invited_by, created_at, sent_at,
                                                     expires_at, revoked_at)
                            VALUES (:id, :a, :u, :e, :h, :by, :now, :now, :now, :now)""")
                    .param("id", UUID.randomUUID()).param("a", account.id()).param("u", UUID.randomUUID())
                    .param("e", "earlier-" + i + "@example.com").param("h", hash).param("by", admin.id()).param("now", now)
                    .update();
        }
        assertThat(concurrentInvitations(admin.session(), 6)).as("six at once for the admin's 200th: one is sent")
                .containsExactlyInAnyOrder(201, 429, 429, 429, 429, 429);
        WebSession.Page tooMany = admin.session().api("POST", "/api/v1/team/members", Map.of("name", "Number 201",
                "email", TeamFixture.unique("x"), "role", "member", "profile", "all"));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.header("Retry-After")).isPresent();
        assertThat(fixture.invite(account.owner(), "Owner Has Own Quota", TeamFixture.unique("q"), "member", null)).isNotNull();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(fixture.invite(admin, "Next Day", TeamFixture.unique("d"), "member", null)).isNotNull();
    }

    @Test
    void theAccountSendsAtMostFiftyInvitationEmailsAnHourResendsIncluded() {
        WebSession staff = visitor();
        com.leadline.testing.StaffSignIn.signIn(staff, databaseOwner(), clock);
        staff.get("/support");
        String resentEmail = TeamFixture.unique("thrice");
        UUID resent = fixture.invite(account.owner(), "Sent Thrice", resentEmail, "member", null);
        for (int i = 2; i <= 24; i++) {
            fixture.invite(account.owner(), "Early " + i, TeamFixture.unique("early"), "member", null);
        }
        assertThat(staff.post("/support/users/resend-invitation", Map.of("email", resentEmail)).status())
                .as("support's resend is the 25th").isEqualTo(302);
        clock.advance(Duration.ofMinutes(10));
        assertThat(owner.api("POST", "/api/v1/team/members/" + resent + "/invitation/resend", null).status()).isEqualTo(204);
        WebSession partner = fixture.partnerWorkingIn(account.id(), "admin");
        assertThat(partner.api("POST", "/api/v1/team/members", Map.of("name", "Partner's Pick", "email",
                TeamFixture.unique("picked"), "role", "member", "profile", "all")).status()).as("a partner's is the 27th").isEqualTo(201);
        for (int i = 28; i <= 49; i++) {
            fixture.invite(account.owner(), "Late " + i, TeamFixture.unique("late"), "member", null);
        }
        assertThat(concurrentInvitations(owner, 6)).as("six at once for the last place: one is sent")
                .containsExactlyInAnyOrder(201, 429, 429, 429, 429, 429);

        String refusedEmail = TeamFixture.unique("fifty-first");
        Map<String, String> fiftyFirst = Map.of("name", "Fifty First", "email", refusedEmail, "role", "member", "profile", "all");
        WebSession.Page api = owner.api("POST", "/api/v1/team/members", fiftyFirst);
        assertThat(api.status()).as("resends, support's and a partner's count").isEqualTo(429);
        assertThat(api.header("Retry-After")).as("until the first 25 leave the hour").hasValue("3000");
        assertThat(api.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        owner.get("/team");
        WebSession.Page page = owner.post("/team/members", fiftyFirst);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).hasValue("3000");
        assertThat(page.document().select(".error-summary").text()).contains("Try again in 50 minutes");
        assertThat(page.document().select("#member-email").val()).as("what was typed stays").isEqualTo(refusedEmail);
        assertThat(owner.api("POST", "/api/v1/team/members/" + resent + "/invitation/resend", null).status())
                .as("a resend is an email too").isEqualTo(429);

        TeamFixture.Account neighbour = fixture.openAccount("Neighbour Roofing");
        String neighbourEmail = TeamFixture.unique("neighbour");
        fixture.invite(neighbour.owner(), "Next Door", neighbourEmail, "member", null);
        TeamFixture.invitationLink(neighbourEmail);
        assertThat(Smtp.to(refusedEmail)).as("no 51st email").isEmpty();
        assertThat(databaseOwner().sql("""
                        SELECT (SELECT count(*) FROM users WHERE email = :e) + (SELECT count(*) FROM invitations WHERE email = :e)
                             + (SELECT count(*) FROM mail_outbox WHERE recipient = :e)""")
                .param("e", refusedEmail).query(Integer.class).single()).as("no user, invitation or mail").isZero();
        assertThat(databaseOwner().sql("SELECT count(*) FROM invitation_sends WHERE account_id = :a")
                .param("a", account.id()).query(Integer.class).single()).isEqualTo(50);

        clock.advance(Duration.ofSeconds(3000 - 1));
        WebSession.Page stillRefused = owner.api("POST", "/api/v1/team/members", fiftyFirst);
        assertThat(stillRefused.status()).isEqualTo(429);
        assertThat(stillRefused.header("Retry-After")).hasValue("1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(fixture.invite(account.owner(), "Fifty First", refusedEmail, "member", null)).isNotNull();
        assertThat(TeamFixture.invitationLink(refusedEmail)).isNotBlank();
    }

    @Test
    void aDeactivatedUsersAddressCannotBeInvitedAgainAndPointsToSupport() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        owner.api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", null);

        WebSession.Page again = owner.api("POST", "/api/v1/team/members", Map.of("name", "Same Person",
                "email", " " + member.email().toUpperCase() + " ", "role", "member", "profile", "all"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(WebSession.json(again).get("errors").get("email").asString()).contains("Contact support");
        TeamFixture.Account other = fixture.openAccount("Another Business");
        assertThat(other.owner().session().api("POST", "/api/v1/team/members", Map.of("name", "Same Person",
                "email", member.email(), "role", "member", "profile", "all")).status()).as("in any account").isEqualTo(422);
    }

    @Test
    void deactivationBlocksPasswordResetLinksAndSignInButKeepsHistory() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        WebSession forgetful = visitor();
        forgetful.requestPasswordReset(member.email());
        String link = Smtp.link(Smtp.awaitMessages(member.email(), 2).get(1), "http://leadline.test/password/reset?token=");

        assertThat(owner.api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", null).status()).isEqualTo(204);

        assertThat(forgetful.get(link).heading()).isEqualTo("This link can't be used");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(forgetful.post("/password/reset", Map.of("token", token, "password", "a brand new passphrase")).heading())
                .isEqualTo("This link can't be used");
        WebSession.Page signIn = visitor().signIn(member.email(), PASSWORD);
        assertThat(signIn.status()).isEqualTo(401);
        forgetful.requestPasswordReset(member.email());
        assertThat(Smtp.to(member.email())).as("no new reset link for a deactivated user").hasSize(2);

        JsonNode everyone = WebSession.json(owner.api("GET", "/api/v1/team/members?state=all", null));
        assertThat(everyone.get("members").values()).anySatisfy(row -> {
            assertThat(row.get("id").asString()).isEqualTo(member.id().toString());
            assertThat(row.get("state").asString()).isEqualTo("deactivated");
        });
        assertThat(owner.get("/team?state=deactivated").document().select("#team-list td").text())
                .contains(member.email(), "(deactivated)");
        assertThat(owner.get("/team").body()).as("hidden by default").doesNotContain(member.email());
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE actor_user_id = :u").param("u", member.id())
                .query(Integer.class).single()).as("what they did stays").isPositive();
    }

    @Test
    void theListFiltersByProfileStateAndTextAndPagesByKeyset() {
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < 65; i++) {
            UUID id = UUID.randomUUID();
            databaseOwner().sql("""
                            INSERT INTO users (id, account_id, email, name, password_hash, status, created_at)
                            VALUES (:id, :a, :e, :n, 'not-a-usable-hash', 'active', :now)""")
                    .param("id", id).param("a", account.id()).param("e", "crew-" + i + "-" + id + "@example.com")
                    .param("n", String.format("Crew %02d", i)).param("now", now).update();
            databaseOwner().sql("INSERT INTO account_members (account_id, user_id, role, created_at) VALUES (:a, :u, 'member', :now)")
                    .param("a", account.id()).param("u", id).param("now", now).update();
            databaseOwner().sql("""
                            INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at) VALUES (:a, :p, :u, :now)""")
                    .param("a", account.id()).param("p", i % 5 == 0 ? third : second).param("u", id).param("now", now).update();
        }

        List<String> names = new java.util.ArrayList<>();
        String query = "/api/v1/team/members?q=crew";
        JsonNode page = WebSession.json(owner.api("GET", query, null));
        names.addAll(page.get("members").values().stream().map(row -> row.get("name").asString()).toList());
        assertThat(names).hasSize(50);
        JsonNode next = page.get("next");
        page = WebSession.json(owner.api("GET", query + "&afterName=" + next.get("afterName").asString().replace(" ", "%20")
                + "&afterId=" + next.get("afterId").asString(), null));
        names.addAll(page.get("members").values().stream().map(row -> row.get("name").asString()).toList());
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(names).hasSize(65).doesNotHaveDuplicates().isSorted();

        JsonNode south = WebSession.json(owner.api("GET", "/api/v1/team/members?q=crew&profile=" + third, null));
        assertThat(south.get("members").values()).hasSize(13);
        assertThat(WebSession.json(owner.api("GET", "/api/v1/team/members?q=CREW%2007", null)).get("members").values())
                .extracting(row -> row.get("name").asString()).containsExactly("Crew 07");
        assertThat(WebSession.json(owner.api("GET", "/api/v1/team/members?q=crew-12-", null)).get("members").values())
                .as("by email").hasSize(1);
        assertThat(WebSession.json(owner.api("GET", "/api/v1/team/members?state=invited&q=crew", null)).get("members").values())
                .isEmpty();
        WebSession.Page html = owner.get("/team?q=crew");
        assertThat(html.document().select("#team-list tbody tr")).hasSize(50);
        assertThat(html.document().select("a:contains(Next page)")).hasSize(1);
    }

    private static List<Integer> concurrentInvitations(WebSession inviter, int count) {
        List<java.util.concurrent.Callable<Integer>> invitations = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> body = Map.of("name", "Racer", "email", TeamFixture.unique("racer"), "role", "member", "profile", "all");
            invitations.add(() -> {
                ready.countDown();
                ready.await();
                return inviter.api("POST", "/api/v1/team/members", body).status();
            });
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(count);
        try {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : pool.invokeAll(invitations)) {
                statuses.add(answer.get());
            }
            return statuses;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private Set<UUID> memberships(UUID userId) {
        return Set.copyOf(databaseOwner().sql("SELECT profile_id FROM profile_memberships WHERE user_id = :u")
                .param("u", userId).query(UUID.class).list());
    }
}
