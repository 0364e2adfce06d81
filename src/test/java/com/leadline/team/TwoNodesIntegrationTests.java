package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.BearerClient;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.TwoNodeTest;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two server nodes on one database, as in production behind a load balancer: a role change or a
 * deactivation made through one node applies on the user's very next request to the other.
 */
class TwoNodesIntegrationTests extends TwoNodeTest {

    @Test
    void changesMadeOnOneNodeApplyOnTheNextRequestToTheOther() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Twin Towers Travel");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        WebSession ownerOnSecond = account.owner().session().onPort(secondPort);
        WebSession memberOnSecond = member.session().onPort(secondPort);
        assertThat(memberOnSecond.api("GET", "/api/v1/session", null).status()).as("one session store").isEqualTo(200);

        assertThat(ownerOnSecond.api("PUT", "/api/v1/team/members/" + admin.id(), Map.of("name", "No Longer Admin",
                "email", admin.email(), "role", "member", "profileIds", List.of(account.firstProfileId().toString())))
                .status()).isEqualTo(204);
        assertThat(admin.session().api("POST", "/api/v1/team/members", Map.of("name", "Too Late",
                "email", TeamFixture.unique("t"), "role", "member", "profile", "all")).status()).isEqualTo(403);

        assertThat(ownerOnSecond.api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", null).status())
                .isEqualTo(204);
        assertThat(member.session().api("GET", "/api/v1/session", null).status()).isEqualTo(401);
        assertThat(memberOnSecond.api("GET", "/api/v1/session", null).status()).isEqualTo(401);
    }

    /** Issue 18: a personal API token made through one node dies on the other at its next request, revoked or deactivated. */
    @Test
    void aTokenRevokedOrWhoseUserIsDeactivatedOnOneNodeIsRefusedByTheOther() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Twin Token Taxis");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        JsonNode kept = WebSession.json(member.session().api("POST", "/api/v1/tokens", Map.of("name", "Kept", "expiresInDays", 7)));
        JsonNode revoked = WebSession.json(member.session().api("POST", "/api/v1/tokens", Map.of("name", "Revoked", "expiresInDays", 7)));
        BearerClient keptOnSecond = BearerClient.withToken(secondPort, kept.get("token").asString());
        BearerClient revokedOnSecond = BearerClient.withToken(secondPort, revoked.get("token").asString());
        assertThat(keptOnSecond.get("/api/v1/conversations").status()).isEqualTo(200);
        assertThat(revokedOnSecond.get("/api/v1/conversations").status()).isEqualTo(200);

        assertThat(member.session().api("DELETE", "/api/v1/tokens/" + revoked.get("id").asString(), null).status()).isEqualTo(204);
        assertThat(revokedOnSecond.get("/api/v1/conversations").status()).isEqualTo(401);
        assertThat(keptOnSecond.get("/api/v1/conversations").status()).isEqualTo(200);

        assertThat(account.owner().session().api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", null).status())
                .isEqualTo(204);
        assertThat(keptOnSecond.get("/api/v1/conversations").status()).isEqualTo(401);
        assertThat(BearerClient.withToken(port, kept.get("token").asString()).get("/api/v1/conversations").status()).isEqualTo(401);
    }
}
