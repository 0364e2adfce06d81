package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import com.leadline.team.Memberships;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A conversation's state and place: closing it with an outcome, reopening it, moving it to another profile. */
@Service
public class ConversationMoves {

    private static final Set<String> OUTCOMES = Set.of("won", "lost", "other");

    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final UnreadFlags flags;
    private final InboxEvents events;
    private final ChangeEvents changes;
    private final ConversationAccess access;
    private final Memberships memberships;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConversationMoves(ConversationStore conversations, ContactStore contacts, UnreadFlags flags, InboxEvents events,
                      ChangeEvents changes, ConversationAccess access, Memberships memberships, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.flags = flags;
        this.events = events;
        this.changes = changes;
        this.access = access;
        this.memberships = memberships;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void close(Actor actor, UUID conversationId, String outcome) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new InvalidInputException(Map.of("outcome", "Choose Won, Lost or Other."));
        }
        transactions.executeWithoutResult(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            if (conversation.state().equals("closed")) {
                throw new ConflictException("This conversation is already closed.");
            }
            conversations.close(conversationId, outcome)
                    .ifPresent(closed -> changes.closed(actor.accountId(), closed, actor.userId(), clock.instant()));
            events.announce(actor.accountId(), conversation);
        });
    }

    public void reopen(Actor actor, UUID conversationId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            if (!conversation.state().equals("closed") || !conversations.reopen(conversationId)) {
                throw new ConflictException(
                        "Only a closed conversation can be reopened, and not while the contact has a newer one open.");
            }
            events.announce(actor.accountId(), conversation);
        });
    }

    /**
     * To another of the actor's profiles: the conversation takes that profile's contact with the same phone
     * (or a copy of this one), keeps its assignee if they work there, and is unread for that profile's people.
     */
    public void moveToProfile(Actor actor, UUID conversationId, UUID profileId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            if (profileId == null || !actor.canManageProfile(profileId)) {
                throw new InvalidInputException(Map.of("profileId", "Choose one of your profiles."));
            }
            if (profileId.equals(conversation.profileId())) {
                return;
            }
            UUID target = contactThere(actor, conversation.contactId(), profileId);
            if (!conversation.state().equals("closed") && conversations.liveConversationOf(target).isPresent()) {
                throw new ConflictException("This contact already has an open conversation in that profile.");
            }
            UUID assignee = conversation.assigneeId() != null && memberships.worksIn(conversation.assigneeId(), profileId)
                    ? conversation.assigneeId() : null;
            Conversation moved = conversations.moveToProfile(conversationId, profileId, target, assignee);
            // Its holder does not work there: the conversation is Unassigned now.
            changes.assigned(actor.accountId(), new ConversationStore.Assigned(conversation.assigneeId(), moved), actor.userId(),
                    clock.instant());
            Set<UUID> newcomers = new HashSet<>(memberships.viewersOf(profileId));
            newcomers.remove(actor.userId());
            flags.markUnread(actor.accountId(), conversationId, newcomers);
            events.announce(actor.accountId(), conversation);
        });
    }

    /** The profile's contact with the same phone, or a copy of this contact made there. */
    private UUID contactThere(Actor actor, UUID contactId, UUID profileId) {
        ContactStore.Contact contact = contacts.find(contactId).orElseThrow();
        Instant now = clock.instant();
        return (contact.phone() == null ? Optional.<UUID>empty() : contacts.byPhone(profileId, contact.phone())).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            contacts.copy(contact, id, actor.accountId(), profileId, now);
            return id;
        });
    }
}
