package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.inbox.internal.text.TextOutbox;
import com.leadline.platform.InvalidInputException;
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

    private final ConversationStore conversations;
    private final UnreadFlags flags;
    private final TextOutbox texts;
    private final InboxEvents events;
    private final ConversationAccess access;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Replies(ConversationStore conversations, UnreadFlags flags, TextOutbox texts, InboxEvents events, ConversationAccess access,
            TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.flags = flags;
        this.texts = texts;
        this.events = events;
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
            Instant now = clock.instant();
            UUID message = conversations.insertMessage(actor.accountId(), conversationId, "outbound", actor.userId(), text, now);
            texts.queue(actor.accountId(), message, conversation.profileId(), conversation.contactPhone(), text, now);
            conversations.markOpen(conversationId);
            flags.markRead(actor.userId(), conversationId);
            events.announce(actor.accountId(), conversation);
        });
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
