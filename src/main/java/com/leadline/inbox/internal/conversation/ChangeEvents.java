package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.ContactFacts;
import com.leadline.inbox.ConversationAssigned;
import com.leadline.inbox.ConversationClosed;
import com.leadline.inbox.ConversationFacts;
import com.leadline.inbox.LeadCreated;
import com.leadline.inbox.MessageFacts;
import com.leadline.inbox.MessageReceived;
import com.leadline.inbox.MessageSent;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The inbox's public events (webhooks subscribe to them), published synchronously inside the changing
 * transaction, after the conversation's row was written (and so locked until the transaction ends): the
 * listeners' writes of one conversation land in the order its changes commit.
 */
@Component
class ChangeEvents {

    private final ApplicationEventPublisher publisher;

    ChangeEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    static ConversationFacts facts(Conversation conversation) {
        return new ConversationFacts(conversation.id(), conversation.profileId(), conversation.contactId(), conversation.state(),
                conversation.assigneeId(), conversation.outcome());
    }

    /** A conversation opened just now: New, Unassigned. */
    static ConversationFacts opened(UUID id, UUID profileId, UUID contactId) {
        return new ConversationFacts(id, profileId, contactId, "new", null, null);
    }

    void leadCreated(UUID accountId, ConversationFacts conversation, ContactFacts contact, MessageFacts message) {
        publisher.publishEvent(new LeadCreated(accountId, conversation, contact, message, message.createdAt()));
    }

    void received(UUID accountId, ConversationFacts conversation, MessageFacts message) {
        publisher.publishEvent(new MessageReceived(accountId, conversation, message, message.createdAt()));
    }

    void sent(UUID accountId, ConversationFacts conversation, MessageFacts message) {
        publisher.publishEvent(new MessageSent(accountId, conversation, message, message.createdAt()));
    }

    /** Only when the holder changed: giving a conversation to whoever holds it already announces nothing. */
    void assigned(UUID accountId, ConversationStore.Assigned assigned, UUID by, Instant at) {
        if (assigned.changed()) {
            publisher.publishEvent(new ConversationAssigned(accountId, facts(assigned.conversation()),
                    assigned.previousAssigneeId(), by, at));
        }
    }

    void closed(UUID accountId, Conversation conversation, UUID by, Instant at) {
        publisher.publishEvent(new ConversationClosed(accountId, facts(conversation), by, at));
    }
}
