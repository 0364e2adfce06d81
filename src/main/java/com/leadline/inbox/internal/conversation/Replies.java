package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.ConversationFacts;
import com.leadline.inbox.MessageFacts;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.inbox.internal.text.TextOutbox;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Answering a conversation: a reply texted to the contact, or a note for the team. One transaction each. */
@Service
public class Replies {

    static final String OPTED_OUT = "This contact texted STOP: no texts can be sent to them until they text START.";

    private final ConversationStore conversations;
    private final UnreadFlags flags;
    private final TextOutbox texts;
    private final ContactStore contacts;
    private final InboxEvents events;
    private final ChangeEvents changes;
    private final ConversationAccess access;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Replies(ConversationStore conversations, UnreadFlags flags, TextOutbox texts, ContactStore contacts, InboxEvents events, ChangeEvents changes,
            ConversationAccess access, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.flags = flags;
        this.texts = texts;
        this.contacts = contacts;
        this.events = events;
        this.changes = changes;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The message and its outbox row in one transaction: the relay texts it to the contact after commit. */
    public void reply(Actor actor, UUID conversationId, String body) {
        String text = ConversationAccess.validBody(body);
        transactions.executeWithoutResult(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            if (conversation.contactPhone() == null) {
                throw new InvalidInputException(Map.of("body", "This contact has no phone number to text."));
            }
            refuseIfOptedOut(conversation);
            Instant now = clock.instant();
            ConversationStore.Written written = conversations.insertMessage(actor.accountId(), conversationId, "outbound",
                    actor.userId(), text, now);
            UUID message = written.messageId();
            texts.queue(actor.accountId(), message, conversation.profileId(), conversation.contactPhone(), text, now);
            conversations.markOpen(conversationId);
            ConversationFacts after = ChangeEvents.facts(written.conversation());
            if (after.state().equals("new")) {
                // markOpen's change, under the lock the message's write took.
                after = new ConversationFacts(after.id(), after.profileId(), after.contactId(), "open", after.assigneeId(), after.outcome());
            }
            changes.sent(actor.accountId(), after, MessageFacts.outbound(message, conversationId, actor.userId(), text, now));
            flags.markRead(actor.userId(), conversationId);
            events.announce(actor.accountId(), conversation);
        });
    }

    /** Sends a failed reply again (the relay gave up, or the provider reported it undelivered or failed). */
    public void retry(Actor actor, UUID conversationId, UUID messageId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            refuseIfOptedOut(conversation);
            if (!conversations.isOutboundOf(conversationId, messageId)) {
                throw new NotFoundException();
            }
            if (!texts.requeueFailed(messageId, clock.instant())) {
                throw new ConflictException("This reply has not failed, so there is nothing to send again.");
            }
            events.announce(actor.accountId(), conversation);
        });
    }

    private void refuseIfOptedOut(Conversation conversation) {
        if (contacts.optOut(conversation.contactId()).optedOut()) {
            throw InvalidInputException.of("body", OPTED_OUT);
        }
    }

    public void note(Actor actor, UUID conversationId, String body) {
        String text = ConversationAccess.validBody(body);
        transactions.executeWithoutResult(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            conversations.insertMessage(actor.accountId(), conversationId, "note", actor.userId(), text, clock.instant());
            flags.markRead(actor.userId(), conversationId);
            events.announce(actor.accountId(), conversation);
        });
    }
}
