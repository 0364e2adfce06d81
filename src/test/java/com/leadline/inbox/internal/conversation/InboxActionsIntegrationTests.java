package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Unread flags per person, moving a conversation to another profile, reminders, and bulk moves from the page. */
class InboxActionsIntegrationTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbox;
    @Autowired
    private Reminders reminders;

    private static JsonNode counts(WebSession session) {
        return WebSession.json(session.api("GET", "/api/v1/conversations/counts", null));
    }

    private static List<String> ids(WebSession session, String tab) {
        List<String> ids = new ArrayList<>();
        WebSession.json(session.api("GET", "/api/v1/conversations?tab=" + tab, null)).get("conversations").values()
                .forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    @Test
    void unreadIsPerPersonAndOrdersOpenConversations() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Unread Upholstery");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        WebSession owner = account.owner().session();

        UUID first = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550300001", "Can you redo my sofa?");
        assertThat(counts(member.session()).get("unassigned").asInt()).isEqualTo(1);
        assertThat(counts(owner).get("unassigned").asInt()).isEqualTo(1);

        member.session().api("GET", "/api/v1/conversations/" + first, null);
        assertThat(counts(member.session()).get("all").asInt()).as("read by the member").isZero();
        assertThat(counts(owner).get("all").asInt()).as("still unread for the owner").isEqualTo(1);

        inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550300001", "And two chairs?");
        assertThat(counts(member.session()).get("all").asInt()).as("a new message asks again").isEqualTo(1);
        assertThat(member.session().api("POST", "/api/v1/conversations/" + first + "/replies", Map.of("body", "Yes, both.")).status())
                .isEqualTo(204);
        assertThat(counts(member.session()).get("all").asInt()).as("answering reads").isZero();

        assertThat(owner.api("PUT", "/api/v1/conversations/" + first + "/assignee", Map.of("assigneeId", member.id().toString()))
                .status()).isEqualTo(204);
        assertThat(counts(member.session()).get("me").asInt()).as("given to them: unread for them").isEqualTo(1);
        assertThat(member.session().get("/inbox?tab=me").document().select(".conversation-list li.unread")).hasSize(1);

        // Open and unread comes before open and read, even when older.
        UUID second = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550300002", "Leather repair?");
        owner.api("POST", "/api/v1/conversations/" + second + "/replies", Map.of("body", "Sure."));
        member.session().api("GET", "/api/v1/conversations/" + second, null);
        databaseOwner().sql("UPDATE conversations SET last_activity_at = now() - interval '1 hour' WHERE id = :c")
                .param("c", first).update();
        assertThat(ids(member.session(), "all")).containsExactly(first.toString(), second.toString());
        member.session().api("GET", "/api/v1/conversations/" + first, null);
        assertThat(ids(member.session(), "all")).as("both read: newest first").containsExactly(second.toString(), first.toString());
    }

    @Test
    void aConversationMovesToAnotherProfileWithItsContact() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Moving Motors");
        UUID annex = fixture.addProfile(account, "Moving Motors Annex");
        TeamFixture.Member here = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member there = fixture.join(account.owner(), "member", annex);
        WebSession owner = account.owner().session();
        UUID conversation = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550400001", "Tyres for a van?");
        databaseOwner().sql("UPDATE contacts SET name = 'Vera Van', notes = 'Fleet of three' WHERE phone = '+15550400001'").update();
        here.session().api("PUT", "/api/v1/conversations/" + conversation + "/assignee", Map.of("assigneeId", here.id().toString()));

        String before = snapshot(account.id());
        assertThat(owner.api("PUT", "/api/v1/conversations/" + conversation + "/profile",
                Map.of("profileId", fixture.openAccount("Other Garage").firstProfileId().toString())).status())
                .as("another account's profile").isEqualTo(422);
        assertThat(owner.api("PUT", "/api/v1/conversations/" + conversation + "/profile", Map.of("profileId", "not-an-id")).status())
                .isEqualTo(400);
        assertThat(there.session().api("PUT", "/api/v1/conversations/" + conversation + "/profile",
                Map.of("profileId", annex.toString())).status()).as("not theirs to see").isEqualTo(404);
        assertThat(snapshot(account.id())).as("refusals change nothing").isEqualTo(before);

        assertThat(here.session().api("PUT", "/api/v1/conversations/" + conversation + "/profile", Map.of("profileId", annex.toString()))
                .status()).as("a member outside the annex may not send it there").isEqualTo(422);
        assertThat(owner.api("PUT", "/api/v1/conversations/" + conversation + "/profile", Map.of("profileId", annex.toString())).status())
                .isEqualTo(204);
        assertThat(here.session().api("GET", "/api/v1/conversations/" + conversation, null).status()).as("gone from the first profile")
                .isEqualTo(404);
        assertThat(counts(there.session()).get("unassigned").asInt()).as("new to the annex, and its assignee doesn't work there")
                .isEqualTo(1);
        JsonNode moved = WebSession.json(there.session().api("GET", "/api/v1/conversations/" + conversation, null)).get("conversation");
        assertThat(moved.get("profileId").asString()).isEqualTo(annex.toString());
        assertThat(moved.get("contactName").asString()).isEqualTo("Vera Van");
        assertThat(databaseOwner().sql("SELECT notes FROM contacts WHERE profile_id = :p AND phone = '+15550400001'")
                .param("p", annex).query(String.class).single()).isEqualTo("Fleet of three");

        // The contact texts the first profile again: a new conversation there, which can't join the live one in the annex.
        UUID again = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550400001", "Also wipers?");
        assertThat(again).isNotEqualTo(conversation);
        assertThat(owner.api("PUT", "/api/v1/conversations/" + again + "/profile", Map.of("profileId", annex.toString())).status())
                .isEqualTo(409);
    }

    @Test
    void aReminderBringsTheConversationBackOnceAndRecordsWhoSetIt() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Reminder Roofing");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member colleague = fixture.join(account.owner(), "member", account.firstProfileId());
        WebSession session = member.session();
        UUID conversation = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550500001", "Quote for a new roof?");
        session.api("PUT", "/api/v1/conversations/" + conversation + "/assignee", Map.of("assigneeId", member.id().toString()));
        session.api("GET", "/api/v1/conversations/" + conversation, null);
        clock.advance(Duration.ofMinutes(1));
        UUID newer = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550500002", "Gutter cleaning?");
        session.api("PUT", "/api/v1/conversations/" + newer + "/assignee", Map.of("assigneeId", member.id().toString()));
        session.api("GET", "/api/v1/conversations/" + newer, null);
        String path = "/api/v1/conversations/" + conversation + "/reminders";

        assertThat(session.api("POST", path, Map.of("dueAt", clock.instant().minusSeconds(60).toString())).status()).isEqualTo(422);
        assertThat(session.api("POST", path, Map.of("dueAt", clock.instant().plus(Duration.ofDays(400)).toString())).status())
                .isEqualTo(422);
        assertThat(session.api("POST", path, Map.of("dueAt", "tomorrow")).status()).isEqualTo(400);
        assertThat(session.api("POST", path, Map.of("dueAt", clock.instant().plusSeconds(3600).toString(), "note", "x".repeat(501)))
                .status()).isEqualTo(422);
        assertThat(colleague.session().api("POST", path, Map.of("dueAt", clock.instant().plusSeconds(3600).toString())).status())
                .as("someone else's conversation, hidden from a team member").isEqualTo(404);
        assertThat(databaseOwner().sql("SELECT count(*) FROM reminders WHERE conversation_id = :c").param("c", conversation)
                .query(Integer.class).single()).isZero();

        WebSession.Page set = session.api("POST", path, Map.of("dueAt", clock.instant().plusSeconds(3600).toString(),
                "note", "Call about the quote"));
        assertThat(set.status()).isEqualTo(201);
        JsonNode reminder = WebSession.json(session.api("GET", "/api/v1/conversations/" + conversation, null)).get("reminders").get(0);
        assertThat(reminder.get("setBy").asString()).isEqualTo(member.id().toString());
        assertThat(reminder.get("note").asString()).isEqualTo("Call about the quote");
        assertThat(ids(session, "me")).containsExactly(newer.toString(), conversation.toString());

        clock.advance(Duration.ofMinutes(59));
        assertThat(reminders.fireDueOf(account.id())).as("not yet due").isZero();
        clock.advance(Duration.ofMinutes(2));
        reminders.fireDue();
        assertThat(databaseOwner().sql("SELECT fired_at FROM reminders WHERE conversation_id = :c").param("c", conversation)
                .query(Timestamp.class).single()).as("the schedule's run over every account fires it").isEqualTo(Timestamp.from(clock.instant()));
        assertThat(reminders.fireDueOf(account.id())).as("fires once").isZero();
        assertThat(counts(session).get("me").asInt()).as("unread again for whoever holds it").isEqualTo(1);
        assertThat(ids(session, "me")).as("moved up").containsExactly(conversation.toString(), newer.toString());
        assertThat(session.get("/inbox?tab=me&c=" + conversation).document().select(".reminders").text())
                .contains("Call about the quote", "set by", "done");

        UUID second = UUID.fromString(WebSession.json(session.api("POST", path, Map.of("dueAt", clock.instant().plusSeconds(600).toString())))
                .get("id").asString());
        assertThat(session.api("DELETE", path + "/" + second, null).status()).isEqualTo(204);
        assertThat(session.api("DELETE", path + "/" + second, null).status()).as("already cancelled").isEqualTo(404);
        clock.advance(Duration.ofMinutes(11));
        assertThat(reminders.fireDueOf(account.id())).as("a cancelled reminder never fires").isZero();
    }

    @Test
    void remindersRacingOnSeveralNodesFireEachOnce() throws Exception {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Racing Reminders");
        for (int i = 0; i < 30; i++) {
            UUID conversation = inbox.receiveInbound(account.id(), account.firstProfileId(), "+1555060" + (1000 + i), "Hello " + i);
            databaseOwner().sql("""
                            INSERT INTO reminders (id, account_id, conversation_id, due_at, set_by, created_at)
                            VALUES (gen_random_uuid(), :a, :c, :due, :by, :due)""")
                    .param("a", account.id()).param("c", conversation).param("due", Timestamp.from(clock.instant().minusSeconds(1)))
                    .param("by", account.owner().id()).update();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> node = () -> reminders.fireDueOf(account.id());
            List<Callable<Integer>> runs = List.of(node, node, node, node);
            int fired = 0;
            for (Future<Integer> firing : pool.invokeAll(runs)) {
                fired += firing.get();
            }
            fired += reminders.fireDueOf(account.id());
            assertThat(fired).isEqualTo(30);
        } finally {
            pool.shutdown();
        }
        assertThat(databaseOwner().sql("SELECT count(*) FROM reminders WHERE account_id = :a AND fired_at IS NULL")
                .param("a", account.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void adminsMoveSelectedOrAllOfSomeonesConversationsFromThePage() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Bulk Barbers");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        WebSession owner = account.owner().session();
        UUID one = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550700001", "Haircut Friday?");
        UUID two = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550700002", "Beard trim?");

        Document page = owner.get("/inbox?tab=unassigned").document();
        assertThat(page.select("input[type=checkbox][form=bulk]")).hasSize(2);
        assertThat(member.session().get("/inbox").document().select("#bulk")).as("team members don't move in bulk").isEmpty();
        assertThat(owner.post("/inbox/bulk-transfer", Map.of("conversation", one.toString(), "to", member.id().toString(), "tab", "unassigned"))
                .status()).isEqualTo(302);
        assertThat(ids(member.session(), "me")).containsExactly(one.toString());
        owner.api("PUT", "/api/v1/conversations/" + two + "/assignee", Map.of("assigneeId", member.id().toString()));
        assertThat(owner.post("/inbox/bulk-transfer", Map.of("openOf", member.id().toString(), "to", "unassigned", "tab", "all"))
                .status()).isEqualTo(302);
        assertThat(ids(member.session(), "me")).isEmpty();
        assertThat(ids(owner, "unassigned")).containsExactlyInAnyOrder(one.toString(), two.toString());
        assertThat(member.session().post("/inbox/bulk-transfer", Map.of("openOf", member.id().toString(), "to", "unassigned")).status())
                .isEqualTo(403);
    }

    @Test
    void theConversationPaneShowsTheContactAndTheirOtherConversations() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Pane Painters");
        WebSession owner = account.owner().session();
        UUID earlier = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550800001", "Paint my fence?");
        owner.api("POST", "/api/v1/conversations/" + earlier + "/close", Map.of("outcome", "won"));
        UUID latest = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550800001", "Now the shed, please");
        databaseOwner().sql("UPDATE contacts SET name = 'Fenella Fence', email = 'fen@example.com' WHERE phone = '+15550800001'").update();

        Document page = owner.get("/inbox?tab=all&c=" + latest).document();
        assertThat(page.select(".contact-pane dl").text()).contains("Fenella Fence", "+15550800001", "fen@example.com");
        assertThat(page.select(".contact-pane ul a").eachAttr("href")).singleElement().asString().endsWith("c=" + earlier);
        assertThat(page.select(".contact-pane ul").text()).startsWith("Closed (won)");
    }

    private String snapshot(UUID accountId) {
        return databaseOwner().sql("""
                        SELECT string_agg(id::text || profile_id::text || contact_id::text || coalesce(assignee_id::text, '-') || state, ',' ORDER BY id)
                        FROM conversations WHERE account_id = :a""")
                .param("a", accountId).query(String.class).single()
                + databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :a").param("a", accountId).query(Integer.class).single();
    }
}
