package com.leadline.team;

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

/** The Team operations as JSON: the same use cases and rules as the page, refusals as problem details. */
class TeamApiIntegrationTests extends IntegrationTest {

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;

    @BeforeEach
    void openAccount() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Harbour Dental");
        owner = account.owner().session();
    }

    @Test
    void inviteListEditResendAndCancelAnInvitation() {
        String email = TeamFixture.unique("invitee");
        WebSession.Page created = owner.api("POST", "/api/v1/team/members",
                Map.of("name", "Ina Invitee", "email", "  " + email.toUpperCase() + " ", "role", "member", "profile", "all"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode member = WebSession.json(created);
        UUID id = UUID.fromString(member.get("id").asString());
        assertThat(created.header("Location")).hasValue("/api/v1/team/members/" + id);
        assertThat(member.get("email").asString()).as("normalised").isEqualTo(email);
        assertThat(member.get("status").asString()).isEqualTo("invited");
        assertThat(member.get("invitationExpiresAt").isNull()).isFalse();

        JsonNode list = WebSession.json(owner.api("GET", "/api/v1/team/members?state=invited", null));
        assertThat(list.get("members").values()).extracting(row -> row.get("email").asString()).containsExactly(email);
        assertThat(list.get("next").isNull()).isTrue();

        UUID second = fixture.addProfile(account, "Harbour Dental North");
        WebSession.Page edited = owner.api("PUT", "/api/v1/team/members/" + id, Map.of("name", "Ina Admin",
                "email", email, "role", "admin", "profileIds", List.of(account.firstProfileId().toString(), second.toString())));
        assertThat(edited.status()).as(edited.body()).isEqualTo(204);
        JsonNode after = WebSession.json(owner.api("GET", "/api/v1/team/members/" + id, null));
        assertThat(after.get("role").asString()).isEqualTo("admin");
        assertThat(after.get("name").asString()).isEqualTo("Ina Admin");
        assertThat(after.get("profileIds").values()).hasSize(2);

        assertThat(owner.api("POST", "/api/v1/team/members/" + id + "/invitation/resend", null).status()).isEqualTo(204);
        String resent = TeamFixture.link(email, 2);
        assertThat(owner.api("POST", "/api/v1/team/members/" + id + "/deactivation", null).status())
                .as("an invitation is cancelled, not deactivated").isEqualTo(409);

        // A new address for a pending invitee: the link goes to the new address and the old one dies.
        String newEmail = TeamFixture.unique("moved");
        assertThat(owner.api("PUT", "/api/v1/team/members/" + id, Map.of("name", "Ina Admin", "email", newEmail,
                "role", "admin", "profileIds", List.of(account.firstProfileId().toString()))).status()).isEqualTo(204);
        String forNewAddress = TeamFixture.invitationLink(newEmail);
        assertThat(visitor().get(resent).status()).isEqualTo(410);
        assertThat(visitor().get(forNewAddress).status()).isEqualTo(200);
        assertThat(owner.api("DELETE", "/api/v1/team/members/" + id + "/invitation", null).status()).isEqualTo(204);
        assertThat(owner.api("GET", "/api/v1/team/members/" + id, null).status()).isEqualTo(404);
        assertThat(databaseOwner().sql("SELECT action FROM audit_log WHERE target_id = :u ORDER BY id")
                .param("u", id.toString()).query(String.class).list())
                .containsSubsequence("invitation.sent", "user.role_changed", "user.memberships_changed", "user.edited",
                        "invitation.resent", "invitation.cancelled");
    }

    @Test
    void deactivationPreviewsTheHandoverThenEndsTheUsersSessions() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        TeamFixture.Member colleague = fixture.join(account.owner(), "member", null);

        JsonNode preview = WebSession.json(owner.api("GET", "/api/v1/team/members/" + member.id() + "/deactivation", null));
        assertThat(preview.get("openConversations").asInt()).isZero();
        assertThat(preview.get("handoverCandidates").values()).extracting(c -> c.get("id").asString())
                .contains(colleague.id().toString(), account.owner().id().toString())
                .doesNotContain(member.id().toString());

        WebSession.Page done = owner.api("POST", "/api/v1/team/members/" + member.id() + "/deactivation",
                Map.of("handover", "member", "transferTo", colleague.id().toString()));
        assertThat(done.status()).isEqualTo(204);
        assertThat(member.session().api("GET", "/api/v1/session", null).status()).isEqualTo(401);
        assertThat(WebSession.json(owner.api("GET", "/api/v1/team/members/" + member.id(), null)).get("status").asString())
                .isEqualTo("deactivated");
        assertThat(owner.api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", null).status())
                .as("already deactivated").isEqualTo(409);
    }

    @Test
    void refusalsAreProblemDetailsWithTheReason() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);

        WebSession.Page invalid = owner.api("POST", "/api/v1/team/members",
                Map.of("name", "", "email", "not-an-address", "role", "owner", "profile", "all"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        JsonNode problem = WebSession.json(invalid);
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("errors").propertyNames()).containsExactlyInAnyOrder("name", "email", "role");

        WebSession.Page forbidden = member.session().api("POST", "/api/v1/team/members",
                Map.of("name", "Someone", "email", TeamFixture.unique("x"), "role", "member", "profile", "all"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(WebSession.json(forbidden).get("detail").asString()).contains("Your role doesn't allow this");

        assertThat(owner.api("GET", "/api/v1/team/members/not-a-uuid", null).status()).isEqualTo(404);
        assertThat(owner.api("POST", "/api/v1/team/members", "{\"name\": ").status()).isEqualTo(400);
        assertThat(owner.api("POST", "/api/v1/team/members/" + account.owner().id() + "/deactivation", null).status())
                .as("nobody deactivates themselves").isEqualTo(403);
        assertThat(visitor().api("GET", "/api/v1/team/members", null).status()).as("anonymous").isEqualTo(401);
    }
}
