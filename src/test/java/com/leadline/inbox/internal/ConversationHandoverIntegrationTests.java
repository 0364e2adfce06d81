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
        assertThat(WebSession.json(member.session().api("GET", "/api/v1/conversations?tab=me", null)).get("conversations").size())
                .isEqualTo(3);
        assertThat(WebSession.json(member.session().api("GET", "/api/v1/conversations/counts", null)).get("me").asInt())
                .as("answering reads").isZero();

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
        String history = owner.get("/inbox?tab=all&c=" + held.get(0)).document().select(".message.outbound").text();
        assertThat(history).as("their replies, marked deactivated").contains("On it!", "Joined Member Deactivated");
        assertThat(WebSession.json(owner.api("GET", "/api/v1/conversations/" + closed, null)).get("conversation")
                .get("assigneeId").asString()).as("closed ones keep their assignee").isEqualTo(member.id().toString());
        assertThat(WebSession.json(owner.api("GET", "/api/v1/conversations?tab=unassigned", null)).get("conversations").size())
                .isEqualTo(3);
    }

    @Test
    void anAdminMovesEverythingADeactivatedMemberStillHoldsInOneGo() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Bulk Bakery");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        TeamFixture.Member leaver = fixture.join(account.owner(), "member", null);
        TeamFixture.Member stayer = fixture.join(account.owner(), "member", null);
        for (int i = 0; i < 4; i++) {
            UUID conversation = inbox.receiveInbound(account.id(), account.firstProfileId(), "+1555000100" + i, "Cake order " + i);
            leaver.session().api("PUT", "/api/v1/conversations/" + conversation + "/assignee", Map.of("assigneeId", leaver.id().toString()));
        }
        // Deactivated without a hand-over: the conversations stay theirs, and admins still see them.
        databaseOwner().sql("UPDATE users SET status = 'deactivated' WHERE id = :u").param("u", leaver.id()).update();
        assertThat(listAssignedTo(admin.session(), leaver.id())).hasSize(4);
        org.jsoup.nodes.Document filtered = admin.session().get("/inbox?tab=all&assignee=" + leaver.id()).document();
        assertThat(filtered.select("#assignee-filter option[selected]").text()).as("the page's filter names them")
                .isEqualTo("Joined Member (deactivated)");
        assertThat(filtered.select(".conversation-list li")).hasSize(4);

        assertThat(stayer.session().api("POST", "/api/v1/conversations/bulk-transfer",
                Map.of("openOfAssignee", leaver.id().toString(), "to", stayer.id().toString())).status()).as("admins only").isEqualTo(403);
        WebSession.Page moved = admin.session().api("POST", "/api/v1/conversations/bulk-transfer",
                Map.of("openOfAssignee", leaver.id().toString(), "to", stayer.id().toString()));
        assertThat(WebSession.json(moved).get("moved").asInt()).isEqualTo(4);
        assertThat(listAssignedTo(admin.session(), leaver.id())).isEmpty();
        assertThat(WebSession.json(stayer.session().api("GET", "/api/v1/conversations/counts", null)).get("me").asInt()).isEqualTo(4);

        // All or nothing: one conversation the admin can't see refuses the whole move.
        UUID elsewhere = fixture.addProfile(account, "Bulk Bakery Annex");
        UUID hidden = inbox.receiveInbound(account.id(), elsewhere, "+15550002000", "Annex order");
        List<UUID> mine = listAssignedTo(admin.session(), stayer.id());
        java.util.List<String> ids = new java.util.ArrayList<>(mine.stream().map(UUID::toString).toList());
        ids.add(hidden.toString());
        assertThat(admin.session().api("POST", "/api/v1/conversations/bulk-transfer", Map.of("conversationIds", ids)).status())
                .isEqualTo(404);
        assertThat(listAssignedTo(admin.session(), stayer.id())).hasSize(4);
    }

    private static List<UUID> listAssignedTo(WebSession session, UUID assignee) {
        return WebSession.json(session.api("GET", "/api/v1/conversations?tab=all&assignee=" + assignee, null)).get("conversations")
                .values().stream().map(c -> UUID.fromString(c.get("id").asString())).toList();
    }
}
