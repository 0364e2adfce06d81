package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed, oversized, out-of-range and cross-account input gets a clear 4xx and leaves the database as it was. */
class TeamBadInputIntegrationTests extends IntegrationTest {

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;

    @BeforeEach
    void openAccount() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Granite Plumbing");
        owner = account.owner().session();
    }

    @Test
    void invalidInvitationsAreRefusedFieldByFieldOnThePageAndInTheApi() {
        String longName = "n".repeat(201);
        String longEmail = "a".repeat(250) + "@example.com";
        List<Map<String, String>> forms = List.of(
                Map.of("name", longName, "email", TeamFixture.unique("a"), "role", "member", "profile", "all"),
                Map.of("name", "Ann", "email", longEmail, "role", "member", "profile", "all"),
                Map.of("name", "Ann", "email", "ann@@example", "role", "member", "profile", "all"),
                Map.of("name", "Ann", "email", TeamFixture.unique("a"), "role", "owner", "profile", "all"),
                Map.of("name", "Ann", "email", TeamFixture.unique("a"), "role", "superuser", "profile", "all"),
                Map.of("name", "Ann", "email", TeamFixture.unique("a"), "role", "member", "profile", "not-a-profile"),
                Map.of("name", "Ann", "email", account.owner().email(), "role", "member", "profile", "all"));
        for (Map<String, String> form : forms) {
            unchanged(() -> {
                owner.get("/team");
                WebSession.Page page = owner.post("/team/members", form);
                assertThat(page.status()).as("form %s", form.keySet()).isEqualTo(422);
                assertThat(page.document().select(".field-error").text()).isNotBlank();
                WebSession.Page api = owner.api("POST", "/api/v1/team/members", form);
                assertThat(api.status()).isEqualTo(422);
                assertThat(WebSession.json(api).get("errors").isEmpty()).isFalse();
                return null;
            });
        }
        Map<String, String> oversized = Map.of("name", "x".repeat(100_000), "email", TeamFixture.unique("a"),
                "role", "member", "profile", "all");
        unchanged(() -> {
            owner.get("/team");
            assertThat(owner.post("/team/members", oversized).status()).as("past the body cap").isEqualTo(413);
            assertThat(owner.api("POST", "/api/v1/team/members", oversized).status()).isEqualTo(413);
            return null;
        });
    }

    @Test
    void anotherAccountsUsersAndProfilesAreUnknownHere() {
        TeamFixture.Account other = fixture.openAccount("Someone Else Ltd");
        TeamFixture.Member stranger = fixture.join(other.owner(), "member", null);
        String invitee = TeamFixture.unique("pending");
        UUID pending = fixture.invite(other.owner(), "Pending Person", invitee, "member", null);

        unchanged(() -> {
            owner.get("/team");
            for (UUID id : List.of(stranger.id(), pending, other.owner().id())) {
                assertThat(owner.get("/team/members/" + id + "/edit").status()).isEqualTo(404);
                assertThat(owner.post("/team/members/" + id, Map.of("name", "Taken Over", "email", invitee,
                        "role", "admin")).status()).isEqualTo(404);
                assertThat(owner.post("/team/members/" + id + "/resend", Map.of()).status()).isEqualTo(404);
                assertThat(owner.post("/team/members/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
                assertThat(owner.get("/team/members/" + id + "/deactivate").status()).isEqualTo(404);
                assertThat(owner.post("/team/members/" + id + "/deactivate", Map.of()).status()).isEqualTo(404);
                assertThat(owner.api("GET", "/api/v1/team/members/" + id, null).status()).isEqualTo(404);
                assertThat(owner.api("PUT", "/api/v1/team/members/" + id, Map.of("name", "Taken Over", "email", invitee,
                        "role", "admin", "profileIds", List.of())).status()).isEqualTo(404);
                assertThat(owner.api("POST", "/api/v1/team/members/" + id + "/deactivation", null).status()).isEqualTo(404);
            }
            assertThat(owner.get("/team?profile=" + other.firstProfileId()).status()).isEqualTo(404);
            WebSession.Page invite = owner.api("POST", "/api/v1/team/members", Map.of("name", "Ann",
                    "email", TeamFixture.unique("a"), "role", "member", "profile", other.firstProfileId().toString()));
            assertThat(invite.status()).isEqualTo(422);
            assertThat(owner.get("/team").body()).doesNotContain(stranger.email(), invitee);
            return null;
        });
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        unchanged(() -> {
            owner.get("/team");
            assertThat(owner.postRaw("/team/members", Map.of("name", "Ann", "email", TeamFixture.unique("a"),
                    "role", "member", "profile", "all")).status()).isEqualTo(403);
            assertThat(owner.postRaw("/team/members/" + member.id() + "/deactivate", Map.of()).status()).isEqualTo(403);
            assertThat(owner.send(java.net.http.HttpRequest.newBuilder(owner.uri("/api/v1/team/members/" + member.id() + "/deactivation"))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(403);
            return null;
        });
    }

    @Test
    void malformedIdsAndBodiesGetA4xx() {
        unchanged(() -> {
            owner.get("/team");
            assertThat(owner.get("/team/members/12345/edit").status()).isEqualTo(404);
            assertThat(owner.post("/team/members/%27%20OR%201=1/deactivate", Map.of()).status()).isEqualTo(404);
            assertThat(owner.post("/team/members/x;DROP%20TABLE%20users/deactivate", Map.of()).status())
                    .as("the firewall refuses semicolons in paths").isEqualTo(400);
            assertThat(owner.get("/team?afterId=nonsense").status()).isEqualTo(404);
            assertThat(owner.get("/team?q=" + "z".repeat(5000)).status()).isEqualTo(200);
            assertThat(owner.api("POST", "/api/v1/team/members", "[1, 2, 3]").status()).isEqualTo(400);
            assertThat(owner.api("PUT", "/api/v1/team/members/" + account.owner().id(), "{\"profileIds\": 7}").status())
                    .isEqualTo(400);
            return null;
        });
    }

    /** Runs the attempts and checks that no user, role, membership, invitation or email came or went. */
    private void unchanged(Supplier<Void> attempts) {
        String before = snapshot();
        attempts.get();
        assertThat(snapshot()).isEqualTo(before);
    }

    private String snapshot() {
        return databaseOwner().sql("""
                        SELECT concat_ws('|',
                            (SELECT md5(coalesce(string_agg(concat_ws(',', id, name, email, status, password_hash), ';' ORDER BY id), '')) FROM users),
                            (SELECT md5(coalesce(string_agg(concat_ws(',', user_id, role), ';' ORDER BY user_id), '')) FROM account_members),
                            (SELECT md5(coalesce(string_agg(concat_ws(',', user_id, profile_id), ';' ORDER BY user_id, profile_id), '')) FROM profile_memberships),
                            (SELECT md5(coalesce(string_agg(concat_ws(',', id, token_hash, expires_at, accepted_at, revoked_at), ';' ORDER BY id), '')) FROM invitations),
                            (SELECT count(*) FROM mail_outbox))""")
                .query(String.class).single();
    }
}
