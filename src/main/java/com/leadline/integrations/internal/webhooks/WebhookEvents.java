package com.leadline.integrations.internal.webhooks;

import com.leadline.inbox.ContactFacts;
import com.leadline.inbox.ContactUpdated;
import com.leadline.inbox.ConversationAssigned;
import com.leadline.inbox.ConversationClosed;
import com.leadline.inbox.ConversationFacts;
import com.leadline.inbox.LeadCreated;
import com.leadline.inbox.MessageFacts;
import com.leadline.inbox.MessageReceived;
import com.leadline.inbox.MessageSent;
import com.leadline.platform.CallerContext;
import com.leadline.platform.Tenancy;
import com.leadline.team.MemberDeactivated;
import com.leadline.team.MemberFacts;
import com.leadline.team.MemberInvited;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events endpoints subscribe to: each of the inbox's and the team's public events becomes its JSON body
 * (version 1, {@link WebhookPayloads}) and one delivery per subscribed endpoint, written in the transaction
 * of the change (synchronous listeners, not after commit) by one INSERT ... SELECT for all of that
 * transaction's events, just before it commits: a change rolled back announces nothing, and the deliveries
 * of one conversation (or contact) are numbered in the order its changes commit, since each change holds
 * that row's lock from its publishing until its commit. Ordering key: the conversation
 * for lead, message and conversation events, the contact for contact.updated, none for team events (which
 * are account-wide: every endpoint that chose them, whatever its profiles). The shapes of {@code data} are in
 * docs/api.md ("Events"); ids are strings, times ISO-8601 instants, absent values null.
 */
@Component
public class WebhookEvents {

    /** Who writes the deliveries: an event listener's work is the system's, even inside a person's request. */
    static final String ACTOR = "webhook events";
    /** At most this many events a statement (a bulk move of 10,000 conversations makes 10,000). */
    static final int BATCH = 500;

    private final WebhookOutbox outbox;
    private final WebhookPayloads payloads;
    private final Tenancy tenancy;

    WebhookEvents(WebhookOutbox outbox, WebhookPayloads payloads, Tenancy tenancy) {
        this.outbox = outbox;
        this.payloads = payloads;
        this.tenancy = tenancy;
    }

    @EventListener
    void on(LeadCreated event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation", conversationData(event.conversation()));
        data.put("contact", contactData(event.contact()));
        data.put("message", messageData(event.message()));
        aboutConversation(event.accountId(), WebhookEventType.LEAD_CREATED, event.conversation(), event.at(), data);
    }

    @EventListener
    void on(MessageReceived event) {
        aboutConversation(event.accountId(), WebhookEventType.MESSAGE_RECEIVED, event.conversation(), event.at(),
                messageEventData(event.conversation(), event.message()));
    }

    @EventListener
    void on(MessageSent event) {
        aboutConversation(event.accountId(), WebhookEventType.MESSAGE_SENT, event.conversation(), event.at(),
                messageEventData(event.conversation(), event.message()));
    }

    @EventListener
    void on(ConversationAssigned event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation", conversationData(event.conversation()));
        data.put("previousAssigneeId", id(event.previousAssigneeId()));
        data.put("assignedBy", id(event.assignedBy()));
        aboutConversation(event.accountId(), WebhookEventType.CONVERSATION_ASSIGNED, event.conversation(), event.at(), data);
    }

    @EventListener
    void on(ConversationClosed event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation", conversationData(event.conversation()));
        data.put("closedBy", id(event.closedBy()));
        aboutConversation(event.accountId(), WebhookEventType.CONVERSATION_CLOSED, event.conversation(), event.at(), data);
    }

    @EventListener
    void on(ContactUpdated event) {
        ContactFacts contact = event.contact();
        enqueue(event.accountId(), contact.profileId(), WebhookEventType.CONTACT_UPDATED, contact.id(), event.at(),
                contactUpdatedData(contact, event.updatedBy()));
    }

    @EventListener
    void on(MemberInvited event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("member", memberData(event.member(), "invited"));
        data.put("invitedBy", id(event.invitedBy()));
        enqueue(event.accountId(), null, WebhookEventType.MEMBER_INVITED, null, event.at(), data);
    }

    @EventListener
    void on(MemberDeactivated event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("member", memberData(event.member(), "deactivated"));
        data.put("deactivatedBy", id(event.deactivatedBy()));
        Map<String, Object> handover = new LinkedHashMap<>();
        handover.put("choice", event.handover());
        handover.put("transferredTo", id(event.transferredTo()));
        handover.put("openConversations", event.openConversations());
        data.put("handover", handover);
        enqueue(event.accountId(), null, WebhookEventType.MEMBER_DEACTIVATED, null, event.at(), data);
    }

    // The data shapes, one builder each, shared by every event that carries them.

    /**
     * The whole {@code data} of a {@code contact.updated} event: {@code {"contact": {id, profileId, name, phone,
     * email, notes}, "updatedBy": userId or null}}. Sync (which replays contact.updated for every contact)
     * passes null for {@code updatedBy}.
     */
    public static Map<String, Object> contactUpdatedData(ContactFacts contact, UUID updatedBy) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> withNotes = contactData(contact);
        withNotes.put("notes", contact.notes());
        data.put("contact", withNotes);
        data.put("updatedBy", id(updatedBy));
        return data;
    }

    /** {@code {id, profileId, name, phone, email}}: a contact as every event shows it (contact.updated adds notes). */
    public static Map<String, Object> contactData(ContactFacts contact) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id(contact.id()));
        data.put("profileId", id(contact.profileId()));
        data.put("name", contact.name());
        data.put("phone", contact.phone());
        data.put("email", contact.email());
        return data;
    }

    /** {@code {id, profileId, contactId, state, assigneeId, outcome}}. */
    static Map<String, Object> conversationData(ConversationFacts conversation) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id(conversation.id()));
        data.put("profileId", id(conversation.profileId()));
        data.put("contactId", id(conversation.contactId()));
        data.put("state", conversation.state());
        data.put("assigneeId", id(conversation.assigneeId()));
        data.put("outcome", conversation.outcome());
        return data;
    }

    /** {@code {id, conversationId, direction, channel, body, mediaUrls, pageUrl, authorId, automatic, createdAt}}. */
    static Map<String, Object> messageData(MessageFacts message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id(message.id()));
        data.put("conversationId", id(message.conversationId()));
        data.put("direction", message.direction());
        data.put("channel", message.channel());
        data.put("body", message.body());
        data.put("mediaUrls", message.mediaUrls());
        data.put("pageUrl", message.pageUrl());
        data.put("authorId", id(message.authorId()));
        data.put("automatic", message.automatic());
        data.put("createdAt", message.createdAt().toString());
        return data;
    }

    /** {@code {userId, name, email, role, profileIds, status}}; profile ids sorted, so a body is the same for the same facts. */
    static Map<String, Object> memberData(MemberFacts member, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", id(member.userId()));
        data.put("name", member.name());
        data.put("email", member.email());
        data.put("role", member.role().code());
        data.put("profileIds", member.profileIds().stream().map(UUID::toString).sorted().toList());
        data.put("status", status);
        return data;
    }

    private static Map<String, Object> messageEventData(ConversationFacts conversation, MessageFacts message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation", conversationData(conversation));
        data.put("message", messageData(message));
        return data;
    }

    private void aboutConversation(UUID accountId, WebhookEventType type, ConversationFacts conversation, Instant at,
                                   Map<String, Object> data) {
        enqueue(accountId, conversation.profileId(), type, conversation.id(), at, data);
    }

    /**
     * Kept with the transaction's other events and written with them, in their order, by one statement just
     * before it commits ({@link PendingDeliveries}); outside a transaction synchronization at once (which the
     * outbox refuses: an event is always part of a change).
     */
    private void enqueue(UUID accountId, UUID profileId, WebhookEventType type, UUID orderingKey, Instant at,
                         Map<String, Object> data) {
        WebhookOutbox.Queued event = new WebhookOutbox.Queued(profileId, type, orderingKey, payloads.body(type, at, data), at);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            CallerContext.runAsSystem(ACTOR, () -> outbox.enqueueAll(accountId, List.of(event)));
            return;
        }
        PendingDeliveries pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingDeliveries.class::isInstance).map(PendingDeliveries.class::cast).findFirst()
                .orElseGet(() -> {
                    PendingDeliveries made = new PendingDeliveries(outbox, tenancy, ACTOR, BATCH);
                    TransactionSynchronizationManager.registerSynchronization(made);
                    return made;
                });
        pending.add(accountId, event);
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }
}
