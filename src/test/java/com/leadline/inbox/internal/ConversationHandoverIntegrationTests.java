package com.leadline.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Deactivating a member who holds open conversations: counted in the dialog, moved in the same step, history kept. */
class ConversationHandoverIntegrationTests extends IntegrationTest {

    @Autowired
    private InboxService inbox;

    @Test
    void threeOpenConversationsMoveToUnassignedAndTheRepliesStay() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Handover Heating");
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        WebSession owner = account.owner().session();
        List<UUID> held = List.of(
                inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550000001", "Is the boiler fixable?"),
                inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550000002", "Quote for radiators?"),
                inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550000003", "Emergency visit?"));
        UUID closed = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550000004", "Thanks, all done");
        for (UUID conversation : held) {
            assertThat(member.session().api("PUT", "/api/v1/conversations/" + conversation + "/assignee",
                    Map.of("assigneeId", member.id().toString())).status()).isEqualTo(204);
            assertThat(member.session().api("POST", "/api/v1/conversations/" + conversation + "/replies",
                    Map.of("body", "On it!")).status()).isEqualTo(204);
        }
        member.session().api("PUT", "/api/v1/conversations/" + closed + "/assignee", Map.of("assigneeId", member.id().toString()));
        member.session().api("POST", "/api/v1/conversations/" + closed + "/close", Map.of("outcome", "won"));
        assertThat(WebSession.json(member.session().api("GET", "/api/v1/conversations/counts", null)).get("me").asInt()).isEqualTo(3);

        JsonNode preview = WebSession.json(owner.api("GET", "/api/v1/team/members/" + member.id() + "/deactivation", null));
        assertThat(preview.get("openConversations").asInt()).isEqualTo(3);
        assertThat(owner.get("/team/members/" + member.id() + "/deactivate").body()).contains("holds 3 open conversations");
        assertThat(owner.api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", null).status()).isEqualTo(204);

        for (UUID conversation : held) {
            JsonNode thread = WebSession.json(owner.api("GET", "/api/v1/conversations/" + conversation, null));
            assertThat(thread.get("conversation").get("assigneeId").isNull()).as("moved to Unassigned").isTrue();
            assertThat(thread.get("conversation").get("state").asString()).as("a human replied").isEqualTo("open");
            assertThat(thread.get("messages").values()).anySatisfy(message -> {
                assertThat(message.get("kind").asString()).isEqualTo("outbound");
                assertThat(message.get("authorId").asString()).as("their reply stays theirs").isEqualTo(member.id().toString());
            });
        }
        assertThat(WebSession.json(owner.api("GET", "/api/v1/conversations/" + closed, null)).get("conversation")
                .get("assigneeId").asString()).as("closed ones keep their assignee").isEqualTo(member.id().toString());
        assertThat(WebSession.json(owner.api("GET", "/api/v1/conversations/counts", null)).get("unassigned").asInt()).isEqualTo(3);
    }
}
