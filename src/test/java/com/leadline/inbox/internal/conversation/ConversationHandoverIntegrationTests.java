package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Deactivating a member who holds open conversations: counted in the dialog, which keeps them with the person
 * (the seed's path: found and transferred later), moves them to Unassigned, or gives them to a member who works
 * in every profile of them; bad choices change nothing; admins see what deactivated people still hold.
 */
class ConversationHandoverIntegrationTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbox;

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
        org.jsoup.nodes.Document dialog = owner.get("/team/members/" + member.id() + "/deactivate").document();
        assertThat(dialog.text()).contains("holds 3 open conversations");
        assertThat(dialog.select("input[name=handover]")).extracting(radio -> radio.attr("value"))
                .containsExactly("keep", "unassigned", "member");
        assertThat(dialog.select("input[name=handover][checked]").attr("value")).as("the seed's path is the default").isEqualTo("keep");
        assertThat(owner.api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", Map.of("handover", "unassigned"))
                .status()).isEqualTo(204);

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

    @Test
    void keptConversationsStayWithTheDeactivatedPersonUntilAnAdminFindsAndTransfersThem() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Keeper Kitchens");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        TeamFixture.Member leaver = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member colleague = fixture.join(account.owner(), "member", account.firstProfileId());
        fixture.named(leaver, "Lena Leaver");
        fixture.named(colleague, "Cole Colleague");
        List<UUID> held = List.of(assignedTo(account, leaver, "+15550003001", "New worktop?"),
                assignedTo(account, leaver, "+15550003002", "Tiles in stock?"));

        WebSession.Page done = admin.session().api("POST", "/api/v1/team/members/" + leaver.id() + "/deactivation", null);
        assertThat(done.status()).as("no choice keeps them").isEqualTo(204);
        assertThat(leaver.session().api("GET", "/api/v1/session", null).status()).isEqualTo(401);
        assertThat(listAssignedTo(admin.session(), leaver.id())).as("still theirs").containsExactlyInAnyOrderElementsOf(held);
        assertThat(databaseOwner().sql("SELECT details ->> 'handover' FROM audit_log WHERE action = 'user.deactivated' AND target_id = :u")
                .param("u", leaver.id().toString()).query(String.class).single()).isEqualTo("keep");

        // Both pages tell admins what deactivated people hold, link to the list and offer the transfer.
        for (String page : List.of("/team", "/inbox")) {
            org.jsoup.nodes.Document document = admin.session().get(page).document();
            assertThat(document.select(".held-panel h2").text()).as(page).isEqualTo("2 open conversations are held by deactivated people");
            assertThat(document.select(".held-panel a").attr("href")).as(page).isEqualTo("/inbox?tab=all&assignee=" + leaver.id());
            assertThat(document.select(".held-panel select[name=to] option")).as(page + ": recipients")
                    .extracting(org.jsoup.nodes.Element::text).contains("Unassigned", "Cole Colleague").doesNotContain("Lena Leaver");
        }
        assertThat(colleague.session().get("/team").document().select(".held-panel")).as("team members never see it").isEmpty();
        assertThat(colleague.session().get("/inbox").document().select(".held-panel")).isEmpty();

        // The list behind the link, and the filter for everyone deactivated, show them marked.
        org.jsoup.nodes.Document filtered = admin.session().get("/inbox?tab=all&assignee=" + leaver.id()).document();
        assertThat(filtered.select(".conversation-list li .assignee")).hasSize(2)
                .allSatisfy(holder -> assertThat(holder.text()).isEqualTo("Lena Leaver (deactivated)"));
        assertThat(filtered.select("#bulk-of option[selected]").text()).as("the bulk move is set to them").isEqualTo("Lena Leaver (deactivated)");
        assertThat(admin.session().get("/inbox?tab=all&assignee=deactivated").document().select(".conversation-list li")).hasSize(2);
        assertThat(WebSession.json(admin.session().api("GET", "/api/v1/conversations?tab=all&assignee=deactivated", null))
                .get("conversations").size()).isEqualTo(2);

        // The Team page's transfer is the Inbox's bulk move, and comes back to the Team page.
        admin.session().get("/team");
        WebSession.Page moved = admin.session().post("/inbox/bulk-transfer",
                Map.of("openOf", leaver.id().toString(), "to", colleague.id().toString(), "from", "team"));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(java.net.URI.create(moved.location()).getPath()).isEqualTo("/team");
        assertThat(listAssignedTo(admin.session(), colleague.id())).containsExactlyInAnyOrderElementsOf(held);
        assertThat(admin.session().get("/team").document().select(".held-panel")).as("nothing left to transfer").isEmpty();
    }

    @Test
    void aMemberTakesThemOverOnlyIfTheyWorkInEveryProfileOfThem() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Two Site Salon");
        UUID second = fixture.addProfile(account, "Two Site Salon North");
        TeamFixture.Member leaver = fixture.join(account.owner(), "member", null);
        TeamFixture.Member firstOnly = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member both = fixture.join(account.owner(), "member", account.firstProfileId());
        joinProfile(account, leaver, second);
        joinProfile(account, both, second);
        UUID here = assignedTo(account, leaver, "+15550004001", "Haircut Friday?");
        UUID there = inbox.receiveInbound(account.id(), second, "+15550004002", "Colour on Monday?");
        leaver.session().api("PUT", "/api/v1/conversations/" + there + "/assignee", Map.of("assigneeId", leaver.id().toString()));
        WebSession owner = account.owner().session();

        JsonNode preview = WebSession.json(owner.api("GET", "/api/v1/team/members/" + leaver.id() + "/deactivation", null));
        assertThat(preview.get("handoverCandidates").values()).extracting(c -> c.get("id").asString())
                .contains(both.id().toString(), account.owner().id().toString())
                .doesNotContain(firstOnly.id().toString(), leaver.id().toString());
        WebSession.Page refused = owner.api("POST", "/api/v1/team/members/" + leaver.id() + "/deactivation",
                Map.of("handover", "member", "transferTo", firstOnly.id().toString()));
        assertThat(refused.status()).as("they can't see the North profile").isEqualTo(422);
        assertUnchanged(owner, leaver, List.of(here, there));

        assertThat(owner.api("POST", "/api/v1/team/members/" + leaver.id() + "/deactivation",
                Map.of("handover", "member", "transferTo", both.id().toString())).status()).isEqualTo(204);
        assertThat(listAssignedTo(owner, both.id())).containsExactlyInAnyOrder(here, there);
        assertThat(WebSession.json(both.session().api("GET", "/api/v1/conversations/counts", null)).get("me").asInt())
                .as("unread for the new holder").isEqualTo(2);
    }

    @Test
    void badChoicesAreRefusedAndChangeNothing() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Careful Carpentry");
        TeamFixture.Member leaver = fixture.join(account.owner(), "member", null);
        TeamFixture.Member gone = fixture.join(account.owner(), "member", null);
        TeamFixture.Member stranger = fixture.join(fixture.openAccount("Other Outfit").owner(), "member", null);
        WebSession owner = account.owner().session();
        assertThat(owner.api("POST", "/api/v1/team/members/" + gone.id() + "/deactivation", Map.of("handover", "keep")).status())
                .isEqualTo(204);
        List<UUID> held = List.of(assignedTo(account, leaver, "+15550005001", "Shelves?"));

        List<Map<String, Object>> bad = List.of(
                Map.of("handover", "everyone"),
                Map.of("handover", "member"),
                Map.of("handover", "member", "transferTo", "not-an-id"),
                Map.of("handover", "member", "transferTo", UUID.randomUUID().toString()),
                Map.of("handover", "member", "transferTo", stranger.id().toString()),
                Map.of("handover", "member", "transferTo", gone.id().toString()),
                Map.of("handover", "member", "transferTo", leaver.id().toString()),
                Map.of("handover", "unassigned", "transferTo", account.owner().id().toString()),
                Map.of("transferTo", account.owner().id().toString()));
        for (Map<String, Object> body : bad) {
            WebSession.Page answer = owner.api("POST", "/api/v1/team/members/" + leaver.id() + "/deactivation", body);
            assertThat(answer.status()).as(body.toString()).isEqualTo(422);
            assertThat(WebSession.json(answer).get("errors").properties()).as(body.toString()).isNotEmpty();
            assertUnchanged(owner, leaver, held);
        }
        assertThat(owner.api("POST", "/api/v1/team/members/" + leaver.id() + "/deactivation", "{\"handover\": [1]}").status())
                .as("malformed JSON").isEqualTo(400);
        assertUnchanged(owner, leaver, held);

        // The dialog comes back with the reason, the choice kept, and nothing done.
        owner.get("/team");
        WebSession.Page form = owner.post("/team/members/" + leaver.id() + "/deactivate",
                Map.of("handover", "member", "transferTo", gone.id().toString()));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.document().select("[role=alert]").text()).contains("works in every profile");
        assertThat(form.document().select("input[name=handover][checked]").attr("value")).isEqualTo("member");
        assertThat(owner.post("/team/members/" + leaver.id() + "/deactivate", Map.of("handover", "later")).status()).isEqualTo(422);
        assertUnchanged(owner, leaver, held);
    }

    @Test
    void eachAdminCountsOnlyWhatTheySeeAndReadOnlyPartnersSeeTheTransferDisabled() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Counting Clinics");
        UUID second = fixture.addProfile(account, "Counting Clinics East");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        TeamFixture.Member leaver = fixture.join(account.owner(), "member", null);
        joinProfile(account, leaver, second);
        assignedTo(account, leaver, "+15550006001", "Appointment?");
        assignedTo(account, leaver, "+15550006002", "Prices?");
        UUID east = inbox.receiveInbound(account.id(), second, "+15550006003", "East opening hours?");
        leaver.session().api("PUT", "/api/v1/conversations/" + east + "/assignee", Map.of("assigneeId", leaver.id().toString()));
        UUID closed = assignedTo(account, leaver, "+15550006004", "Done, thanks");
        leaver.session().api("POST", "/api/v1/conversations/" + closed + "/close", Map.of("outcome", "won"));
        assertThat(account.owner().session().api("POST", "/api/v1/team/members/" + leaver.id() + "/deactivation", null).status())
                .isEqualTo(204);

        org.jsoup.nodes.Document ownerView = account.owner().session().get("/team").document();
        assertThat(ownerView.select(".held-panel h2").text()).isEqualTo("3 open conversations are held by deactivated people");
        assertThat(ownerView.select(".held-panel select[name=to] option")).as("only who works in both profiles can take them all")
                .extracting(org.jsoup.nodes.Element::text).containsExactly("Unassigned", "Olive Owner");
        org.jsoup.nodes.Document adminView = admin.session().get("/inbox").document();
        assertThat(adminView.select(".held-panel h2").text()).as("their own profile only")
                .isEqualTo("2 open conversations are held by deactivated people");
        assertThat(adminView.select(".held-panel select[name=to] option")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("Unassigned", "Joined Member", "Olive Owner");
        WebSession readOnly = fixture.partnerWorkingIn(account.id(), "read_only");
        org.jsoup.nodes.Document partnerView = readOnly.get("/team").document();
        assertThat(partnerView.select(".held-panel h2").text()).isEqualTo("3 open conversations are held by deactivated people");
        assertThat(partnerView.select(".held-panel form fieldset.work").hasAttr("disabled"))
                .as("read-only partners see the transfer disabled").isTrue();
        assertThat(partnerView.select(".held-panel form fieldset.work").attr("title")).isEqualTo(com.leadline.team.PartnerAccess.READ_ONLY_REASON);
        assertThat(fixture.partnerWorkingIn(account.id(), "admin").get("/inbox").document().select(".held-panel form")).hasSize(1);
    }

    private UUID assignedTo(TeamFixture.Account account, TeamFixture.Member member, String phone, String text) {
        return TeamFixture.takenBy(member, inbox.receiveInbound(account.id(), account.firstProfileId(), phone, text));
    }


    private void joinProfile(TeamFixture.Account account, TeamFixture.Member member, UUID profile) {
        databaseOwner().sql("INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at) VALUES (:a, :p, :u, now()) ON CONFLICT DO NOTHING")
                .param("a", account.id()).param("p", profile).param("u", member.id()).update();
    }

    /** Still active, still holding exactly these conversations. */
    private void assertUnchanged(WebSession owner, TeamFixture.Member member, List<UUID> held) {
        assertThat(databaseOwner().sql("SELECT status FROM users WHERE id = :u").param("u", member.id()).query(String.class).single())
                .isEqualTo("active");
        assertThat(listAssignedTo(owner, member.id())).containsExactlyInAnyOrderElementsOf(held);
    }

    private static List<UUID> listAssignedTo(WebSession session, UUID assignee) {
        return WebSession.json(session.api("GET", "/api/v1/conversations?tab=all&assignee=" + assignee, null)).get("conversations")
                .values().stream().map(c -> UUID.fromString(c.get("id").asString())).toList();
    }
}
