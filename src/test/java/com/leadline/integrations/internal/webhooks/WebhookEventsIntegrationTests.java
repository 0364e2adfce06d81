package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.InboundTexts.InboundText;
import com.leadline.inbox.InboundTexts.LeadboxForm;
import com.leadline.platform.Tenancy;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The event sources of webhooks: each product action, done as people do it (the API, the inbound door the
 * channels and the Leadbox use), queues exactly one delivery of its event for every enabled endpoint of
 * the account that chose the event and covers the conversation's profile, with the event's ordering key
 * and its version-1 body; an endpoint of another profile or of other events, or a disabled one, gets
 * nothing; and a refused or rolled-back action queues nothing.
 */
class WebhookEventsIntegrationTests extends IntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> ALL_EVENTS = List.of("lead.created", "message.received", "message.sent",
            "conversation.assigned", "conversation.closed", "contact.updated", "member.invited", "member.deactivated");

    @Autowired
    private InboundTexts inbound;
    @Autowired
    private Tenancy tenancy;
    @Autowired
    private TransactionTemplate transactions;

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;
    private UUID annex;

    /** A delivery as queued: its event, ordering key and body (parsed). */
    record Delivery(String type, UUID orderingKey, JsonNode body) {

        JsonNode data() {
            return body.get("data");
        }
    }

    @BeforeEach
    void anAccountWithTwoProfiles() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Hookshot Plumbing");
        owner = account.owner().session();
        annex = fixture.addProfile(account, "Hookshot Annex");
    }

    @Test
    void aConversationsLifeIsAnnouncedInOrderToTheEndpointsThatWantIt() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        UUID first = endpoint(false, List.of(account.firstProfileId()), ALL_EVENTS, true);
        UUID everywhere = endpoint(true, List.of(), ALL_EVENTS, true);
        UUID otherProfile = endpoint(false, List.of(annex), ALL_EVENTS, true);
        UUID otherEvents = endpoint(false, List.of(account.firstProfileId()), List.of("member.invited"), true);
        UUID disabled = endpoint(false, List.of(account.firstProfileId()), ALL_EVENTS, false);
        String phone = TeamFixture.uniquePhoneNumber();

        UUID conversation = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Is the leak urgent?");
        UUID contact = databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", conversation)
                .query(UUID.class).single();
        inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "It's dripping on the carpet.");
        ok(owner.api("POST", "/api/v1/conversations/" + conversation + "/replies", Map.of("body", "On our way at 3.")));
        ok(owner.api("POST", "/api/v1/conversations/" + conversation + "/notes", Map.of("body", "Bring the big wrench")));
        ok(owner.api("PUT", "/api/v1/conversations/" + conversation + "/assignee", Map.of("assigneeId", member.id().toString())));
        ok(owner.api("PUT", "/api/v1/conversations/" + conversation + "/assignee", Map.of("assigneeId", member.id().toString())));
        assertThat(owner.api("POST", "/api/v1/conversations/" + conversation + "/close", Map.of("outcome", "maybe")).status())
                .isEqualTo(422);
        ok(owner.api("POST", "/api/v1/conversations/" + conversation + "/close", Map.of("outcome", "won")));
        assertThat(owner.api("PUT", "/api/v1/contacts/" + contact,
                Map.of("name", "Nina Drip", "phone", phone, "email", "not an address", "notes", "")).status()).isEqualTo(422);
        ok(owner.api("PUT", "/api/v1/contacts/" + contact,
                Map.of("name", "Nina Drip", "phone", phone, "email", "nina@example.com", "notes", "Basement flat")));

        List<Delivery> got = deliveries(first);
        assertThat(got).extracting(Delivery::type).as("one per action; none for the note, the same assignee again or refusals")
                .containsExactly("lead.created", "message.received", "message.received", "message.sent",
                        "conversation.assigned", "conversation.closed", "contact.updated");
        assertThat(got.subList(0, 6)).allSatisfy(d -> assertThat(d.orderingKey()).isEqualTo(conversation));
        assertThat(got.get(6).orderingKey()).as("contact events are ordered per contact").isEqualTo(contact);
        got.forEach(WebhookEventsIntegrationTests::assertEnvelope);

        JsonNode lead = got.get(0).data();
        assertConversation(lead.get("conversation"), conversation, account.firstProfileId(), contact, "new", null, null);
        assertThat(lead.at("/contact/id").asString()).isEqualTo(contact.toString());
        assertThat(lead.at("/contact/phone").asString()).isEqualTo(phone);
        assertThat(lead.at("/contact/name").asString()).isEmpty();
        assertThat(lead.at("/contact/email").isNull()).isTrue();
        assertThat(lead.get("contact").has("notes")).as("notes only in contact.updated").isFalse();
        assertThat(lead.at("/message/body").asString()).isEqualTo("Is the leak urgent?");
        assertThat(lead.at("/message/direction").asString()).isEqualTo("inbound");
        assertThat(lead.at("/message/channel").asString()).isEqualTo("sms");
        assertThat(lead.at("/message/conversationId").asString()).isEqualTo(conversation.toString());
        String firstMessageId = lead.at("/message/id").asString();
        assertThat(got.get(1).data().at("/message/id").asString()).as("message.received of the same text").isEqualTo(firstMessageId);
        assertThat(got.get(2).data().at("/message/body").asString()).isEqualTo("It's dripping on the carpet.");
        assertThat(got.get(2).data().at("/message/id").asString()).isNotEqualTo(firstMessageId);

        JsonNode reply = got.get(3).data();
        assertConversation(reply.get("conversation"), conversation, account.firstProfileId(), contact, "open", null, null);
        assertThat(reply.at("/message/direction").asString()).isEqualTo("outbound");
        assertThat(reply.at("/message/body").asString()).isEqualTo("On our way at 3.");
        assertThat(reply.at("/message/authorId").asString()).isEqualTo(account.owner().id().toString());
        assertThat(reply.at("/message/automatic").asBoolean()).isFalse();
        assertThat(messageIdExists(reply.at("/message/id").asString(), "outbound")).isTrue();

        JsonNode assigned = got.get(4).data();
        assertConversation(assigned.get("conversation"), conversation, account.firstProfileId(), contact, "open", member.id(), null);
        assertThat(assigned.get("previousAssigneeId").isNull()).isTrue();
        assertThat(assigned.get("assignedBy").asString()).isEqualTo(account.owner().id().toString());

        JsonNode closed = got.get(5).data();
        assertConversation(closed.get("conversation"), conversation, account.firstProfileId(), contact, "closed", member.id(), "won");
        assertThat(closed.get("closedBy").asString()).isEqualTo(account.owner().id().toString());

        JsonNode edited = got.get(6).data();
        assertThat(edited.at("/contact/id").asString()).isEqualTo(contact.toString());
        assertThat(edited.at("/contact/profileId").asString()).isEqualTo(account.firstProfileId().toString());
        assertThat(edited.at("/contact/name").asString()).isEqualTo("Nina Drip");
        assertThat(edited.at("/contact/email").asString()).isEqualTo("nina@example.com");
        assertThat(edited.at("/contact/notes").asString()).isEqualTo("Basement flat");
        assertThat(edited.get("updatedBy").asString()).isEqualTo(account.owner().id().toString());

        assertThat(deliveries(everywhere)).as("all profiles: the same deliveries, with the same bodies")
                .extracting(d -> d.body().toString()).containsExactlyElementsOf(got.stream().map(d -> d.body().toString()).toList());
        assertThat(deliveries(otherProfile)).as("another profile's endpoint").isEmpty();
        assertThat(deliveries(otherEvents)).as("an endpoint of other events").isEmpty();
        assertThat(deliveries(disabled)).as("a disabled endpoint").isEmpty();

        // The contact, known now by name and email, texts again after the close: a new lead of a returning contact.
        UUID again = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Now the tap drips too");
        assertThat(again).isNotEqualTo(conversation);
        List<Delivery> later = deliveries(first).subList(7, deliveries(first).size());
        assertThat(later).extracting(Delivery::type).containsExactly("lead.created", "message.received");
        assertThat(later.get(0).orderingKey()).isEqualTo(again);
        assertThat(later.get(0).data().at("/contact/name").asString()).isEqualTo("Nina Drip");
        assertThat(later.get(0).data().at("/contact/email").asString()).isEqualTo("nina@example.com");
    }

    @Test
    void aLeadboxFormIsALeadAReceivedMessageAndItsAutoReplyASentOne() {
        ok(owner.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/auto-replies",
                Map.of("newLeadEnabled", true, "newLeadText", "Thanks, we got your message.",
                        "afterHoursEnabled", true, "afterHoursText", "Thanks, we got your message.")));
        UUID hook = endpoint(false, List.of(account.firstProfileId()), List.of("lead.created", "message.received", "message.sent"), true);
        UUID annexHook = endpoint(false, List.of(annex), ALL_EVENTS, true);
        String phone = TeamFixture.uniquePhoneNumber();
        String page = "https://hookshot.example/contact";

        UUID conversation = inbound.receive(InboundText.fromLeadbox(account.id(), account.firstProfileId(), phone,
                "Can you fit a new boiler?", UUID.randomUUID().toString(), new LeadboxForm("Maria Ortega", page))).orElseThrow();

        List<Delivery> got = deliveries(hook);
        assertThat(got).extracting(Delivery::type).containsExactly("lead.created", "message.received", "message.sent");
        assertThat(got).allSatisfy(d -> assertThat(d.orderingKey()).isEqualTo(conversation));
        got.forEach(WebhookEventsIntegrationTests::assertEnvelope);
        JsonNode lead = got.get(0).data();
        assertThat(lead.at("/conversation/state").asString()).isEqualTo("new");
        assertThat(lead.at("/contact/name").asString()).isEqualTo("Maria Ortega");
        assertThat(lead.at("/contact/phone").asString()).isEqualTo(phone);
        assertThat(lead.at("/message/channel").asString()).isEqualTo("leadbox");
        assertThat(lead.at("/message/pageUrl").asString()).isEqualTo(page);
        assertThat(messageIdExists(lead.at("/message/id").asString(), "inbound")).isTrue();
        JsonNode autoReply = got.get(2).data();
        assertThat(autoReply.at("/message/direction").asString()).isEqualTo("outbound");
        assertThat(autoReply.at("/message/automatic").asBoolean()).isTrue();
        assertThat(autoReply.at("/message/authorId").isNull()).isTrue();
        assertThat(autoReply.at("/message/body").asString()).isEqualTo("Thanks, we got your message.");
        assertThat(messageIdExists(autoReply.at("/message/id").asString(), "auto_reply")).isTrue();
        assertThat(Instant.parse(autoReply.at("/message/createdAt").asString()))
                .isAfter(Instant.parse(lead.at("/message/createdAt").asString()));
        assertThat(deliveries(annexHook)).isEmpty();

        // A keyword from a new number opens a conversation too, and its answer is a sent message.
        UUID stop = inbound.receiveInbound(account.id(), account.firstProfileId(), TeamFixture.uniquePhoneNumber(), "STOP");
        List<Delivery> keyword = deliveries(hook).subList(3, deliveries(hook).size());
        assertThat(keyword).extracting(Delivery::type).containsExactly("lead.created", "message.received", "message.sent");
        assertThat(keyword).allSatisfy(d -> assertThat(d.orderingKey()).isEqualTo(stop));
        assertThat(keyword.get(2).data().at("/message/body").asString()).contains("unsubscribed");
        assertThat(keyword.get(2).data().at("/message/automatic").asBoolean()).isTrue();
    }

    @Test
    void teamChangesReachEveryEndpointThatChoseThemAndHandoversAnnounceEachConversation() {
        TeamFixture.Member leaver = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member stayer = fixture.join(account.owner(), "member", account.firstProfileId());
        UUID held1 = TeamFixture.takenBy(leaver, inbound.receiveInbound(account.id(), account.firstProfileId(),
                TeamFixture.uniquePhoneNumber(), "Radiator cold"));
        UUID held2 = TeamFixture.takenBy(leaver, inbound.receiveInbound(account.id(), account.firstProfileId(),
                TeamFixture.uniquePhoneNumber(), "Radiator hot"));
        UUID annexOnly = endpoint(false, List.of(annex), List.of("member.invited", "member.deactivated", "conversation.assigned"), true);
        UUID teamOnly = endpoint(false, List.of(account.firstProfileId()), List.of("member.invited", "member.deactivated"), true);
        UUID disabled = endpoint(true, List.of(), ALL_EVENTS, false);
        UUID conversationsOnly = endpoint(true, List.of(), List.of("conversation.assigned"), true);

        assertThat(owner.api("POST", "/api/v1/team/members", Map.of("name", "Ivy Invalid", "email", "nope", "role", "member",
                "profile", "all")).status()).isEqualTo(422);
        String email = TeamFixture.unique("ivy");
        UUID invited = fixture.invite(account.owner(), "Ivy Invited", email, "admin", account.firstProfileId());
        ok(owner.api("POST", "/api/v1/team/members/" + leaver.id() + "/deactivation",
                Map.of("handover", "member", "transferTo", stayer.id().toString())));

        List<Delivery> team = deliveries(teamOnly);
        assertThat(team).extracting(Delivery::type).containsExactly("member.invited", "member.deactivated");
        assertThat(team).allSatisfy(d -> assertThat(d.orderingKey()).as("account-wide: no ordering key").isNull());
        team.forEach(WebhookEventsIntegrationTests::assertEnvelope);
        JsonNode invitation = team.get(0).data();
        assertThat(invitation.at("/member/userId").asString()).isEqualTo(invited.toString());
        assertThat(invitation.at("/member/name").asString()).isEqualTo("Ivy Invited");
        assertThat(invitation.at("/member/email").asString()).isEqualTo(email);
        assertThat(invitation.at("/member/role").asString()).isEqualTo("admin");
        assertThat(invitation.at("/member/profileIds").values()).extracting(JsonNode::asString)
                .containsExactly(account.firstProfileId().toString());
        assertThat(invitation.at("/member/status").asString()).isEqualTo("invited");
        assertThat(invitation.get("invitedBy").asString()).isEqualTo(account.owner().id().toString());
        JsonNode deactivation = team.get(1).data();
        assertThat(deactivation.at("/member/userId").asString()).isEqualTo(leaver.id().toString());
        assertThat(deactivation.at("/member/role").asString()).isEqualTo("member");
        assertThat(deactivation.at("/member/status").asString()).isEqualTo("deactivated");
        assertThat(deactivation.get("deactivatedBy").asString()).isEqualTo(account.owner().id().toString());
        assertThat(deactivation.at("/handover/choice").asString()).isEqualTo("member");
        assertThat(deactivation.at("/handover/transferredTo").asString()).isEqualTo(stayer.id().toString());
        assertThat(deactivation.at("/handover/openConversations").asInt()).isEqualTo(2);
        assertThat(deliveries(annexOnly)).as("team events are account-wide; the conversations are another profile's")
                .extracting(Delivery::type).containsExactly("member.invited", "member.deactivated");
        assertThat(deliveries(disabled)).isEmpty();

        List<Delivery> handedOver = deliveries(conversationsOnly);
        assertThat(handedOver).extracting(Delivery::orderingKey).containsExactlyInAnyOrder(held1, held2);
        assertThat(handedOver).allSatisfy(d -> {
            assertThat(d.type()).isEqualTo("conversation.assigned");
            assertThat(d.data().at("/conversation/assigneeId").asString()).isEqualTo(stayer.id().toString());
            assertThat(d.data().get("previousAssigneeId").asString()).isEqualTo(leaver.id().toString());
            assertThat(d.data().get("assignedBy").asString()).isEqualTo(account.owner().id().toString());
        });

        // A bulk move: one event per conversation; one that cannot move rolls back the others' events with them.
        ok(owner.api("POST", "/api/v1/conversations/bulk-transfer", Map.of("conversationIds",
                List.of(held1.toString(), held2.toString()), "to", account.owner().id().toString())));
        List<Delivery> moved = deliveries(conversationsOnly).subList(2, 4);
        assertThat(moved).extracting(Delivery::orderingKey).containsExactly(held1, held2);
        assertThat(moved).allSatisfy(d -> assertThat(d.data().get("previousAssigneeId").asString()).isEqualTo(stayer.id().toString()));
        UUID annexConversation = inbound.receiveInbound(account.id(), annex, TeamFixture.uniquePhoneNumber(), "Annex leak");
        assertThat(owner.api("POST", "/api/v1/conversations/bulk-transfer", Map.of("conversationIds",
                List.of(held1.toString(), annexConversation.toString()), "to", stayer.id().toString())).status())
                .as("the stayer is no member of the annex: the first conversation moved, then all was rolled back").isEqualTo(422);
        assertThat(deliveries(conversationsOnly)).hasSize(4);
    }

    @Test
    void aMoveToAProfileItsHolderDoesNotWorkInIsAnAssignmentToUnassignedThere() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        UUID conversation = TeamFixture.takenBy(member, inbound.receiveInbound(account.id(), account.firstProfileId(),
                TeamFixture.uniquePhoneNumber(), "Gutter repair?"));
        UUID everywhere = endpoint(true, List.of(), List.of("conversation.assigned", "conversation.closed"), true);
        UUID firstOnly = endpoint(false, List.of(account.firstProfileId()), List.of("conversation.assigned"), true);

        ok(owner.api("PUT", "/api/v1/conversations/" + conversation + "/profile", Map.of("profileId", annex.toString())));
        ok(owner.api("POST", "/api/v1/conversations/" + conversation + "/close", Map.of("outcome", "lost")));
        ok(owner.api("POST", "/api/v1/conversations/" + conversation + "/reopen", null));

        List<Delivery> got = deliveries(everywhere);
        assertThat(got).extracting(Delivery::type).as("reopening announces nothing")
                .containsExactly("conversation.assigned", "conversation.closed");
        JsonNode moved = got.get(0).data();
        assertThat(moved.at("/conversation/profileId").asString()).isEqualTo(annex.toString());
        assertThat(moved.at("/conversation/assigneeId").isNull()).isTrue();
        assertThat(moved.get("previousAssigneeId").asString()).isEqualTo(member.id().toString());
        assertThat(got.get(1).data().at("/conversation/profileId").asString()).isEqualTo(annex.toString());
        assertThat(got.get(1).data().at("/conversation/outcome").asString()).isEqualTo("lost");
        assertThat(deliveries(firstOnly)).as("the conversation is the annex's now").isEmpty();
    }

    @Test
    void aBulkMoveOfMoreConversationsThanOneStatementWritesIsQueuedWholeAndInOrder() {
        List<UUID> conversations = new java.util.ArrayList<>();
        for (int i = 0; i < WebhookEvents.BATCH + 1; i++) {
            conversations.add(inbound.receiveInbound(account.id(), account.firstProfileId(), TeamFixture.uniquePhoneNumber(), "Lead " + i));
        }
        UUID hook = endpoint(false, List.of(account.firstProfileId()), List.of("conversation.assigned"), true);

        WebSession.Page moved = owner.api("POST", "/api/v1/conversations/bulk-transfer", Map.of("conversationIds",
                conversations.stream().map(UUID::toString).toList(), "to", account.owner().id().toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        assertThat(deliveries(hook)).extracting(Delivery::orderingKey).as("one each, in the order they moved")
                .containsExactlyElementsOf(conversations);
    }

    // Fixture and reading

    private static void ok(WebSession.Page answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 204);
    }

    /** An endpoint written as the endpoints' page would, in the account's tenancy. */
    private UUID endpoint(boolean allProfiles, List<UUID> profiles, List<String> events, boolean enabled) {
        UUID id = UUID.randomUUID();
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        tenancy.inAccount(account.id(), () -> transactions.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO webhook_endpoints (account_id, id, url, all_profiles, profile_ids, event_types, secret,
                                                       enabled, disabled_at, disabled_reason, created_by, created_at)
                        VALUES (:a, :id, 'https://hooks.example/leadline', :all, :profiles, :events, :secret,
                                :enabled, :disabledAt, :reason, :by, now())""")
                .param("a", account.id()).param("id", id).param("all", allProfiles).param("profiles", profiles.toArray(UUID[]::new))
                .param("events", events.toArray(String[]::new)).param("secret", secret).param("enabled", enabled)
                .param("disabledAt", enabled ? null : Timestamp.from(Instant.now()))
                .param("reason", enabled ? null : "Switched off in the test")
                .param("by", account.owner().id()).update()));
        return id;
    }

    private List<Delivery> deliveries(UUID endpoint) {
        return databaseOwner().sql("SELECT event_type, ordering_key, payload FROM webhook_deliveries WHERE endpoint_id = :e ORDER BY id")
                .param("e", endpoint)
                .query((rs, n) -> new Delivery(rs.getString(1), rs.getObject(2, UUID.class), WebSession.JSON.readTree(rs.getString(3))))
                .list();
    }

    private boolean messageIdExists(String id, String kind) {
        return databaseOwner().sql("SELECT EXISTS (SELECT 1 FROM messages WHERE id = :id AND kind = :kind)")
                .param("id", UUID.fromString(id)).param("kind", kind).query(Boolean.class).single();
    }

    /** Version 1's envelope, exactly: its four members in order, the type the delivery is filed under. */
    private static void assertEnvelope(Delivery delivery) {
        assertThat(delivery.body().propertyNames()).containsExactly("type", "version", "timestamp", "data");
        assertThat(delivery.body().get("type").asString()).isEqualTo(delivery.type());
        assertThat(delivery.body().get("version").asInt()).isEqualTo(1);
        assertThat(delivery.body().get("version").isInt()).isTrue();
        assertThat(Instant.parse(delivery.body().get("timestamp").asString())).isNotNull();
    }

    private static void assertConversation(JsonNode conversation, UUID id, UUID profileId, UUID contactId, String state,
                                           UUID assigneeId, String outcome) {
        assertThat(conversation.propertyNames()).containsExactly("id", "profileId", "contactId", "state", "assigneeId", "outcome");
        assertThat(conversation.get("id").asString()).isEqualTo(id.toString());
        assertThat(conversation.get("profileId").asString()).isEqualTo(profileId.toString());
        assertThat(conversation.get("contactId").asString()).isEqualTo(contactId.toString());
        assertThat(conversation.get("state").asString()).isEqualTo(state);
        if (assigneeId == null) {
            assertThat(conversation.get("assigneeId").isNull()).isTrue();
        } else {
            assertThat(conversation.get("assigneeId").asString()).isEqualTo(assigneeId.toString());
        }
        if (outcome == null) {
            assertThat(conversation.get("outcome").isNull()).isTrue();
        } else {
            assertThat(conversation.get("outcome").asString()).isEqualTo(outcome);
        }
    }
}
