package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import com.leadline.team.Memberships;
import com.leadline.team.Permission;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Who holds a conversation: one at a time, or many at once by an admin. One transaction each. */
@Service
public class Assignments {

    private static final int MAX_BULK = 10_000;

    private final ConversationStore conversations;
    private final UnreadFlags flags;
    private final InboxEvents events;
    private final ChangeEvents changes;
    private final ConversationAccess access;
    private final Memberships memberships;
    private final TransactionTemplate transactions;

    private final Clock clock;

    Assignments(ConversationStore conversations, UnreadFlags flags, InboxEvents events, ChangeEvents changes,
                ConversationAccess access, Memberships memberships, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.flags = flags;
        this.events = events;
        this.changes = changes;
        this.clock = clock;
        this.access = access;
        this.memberships = memberships;
        this.transactions = transactions;
    }

    /** To a member who works in the conversation's profile, or to Unassigned (null). */
    public void assign(Actor actor, UUID conversationId, UUID assigneeId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            if (assigneeId != null && !memberships.worksIn(assigneeId, conversation.profileId())) {
                throw new InvalidInputException(Map.of("assigneeId",
                        "Choose an active member of this conversation's profile, or Unassigned."));
            }
            moveTo(actor, conversation, assigneeId);
        });
    }

    /**
     * Admins move many conversations at once, the listed ones or every open one assigned to someone
     * (a deactivated user included), to a member or to Unassigned: all or nothing, in one transaction.
     *
     * @return how many moved
     */
    public int bulkTransfer(Actor actor, List<UUID> conversationIds, UUID openOfAssignee, UUID to) {
        actor.require(Permission.BULK_TRANSFER);
        return transactions.execute(status -> {
            List<UUID> ids = toMove(actor, conversationIds, openOfAssignee);
            for (UUID id : ids) {
                Conversation conversation = access.visible(actor, id);
                if (to != null && !memberships.worksIn(to, conversation.profileId())) {
                    throw new InvalidInputException(Map.of("to",
                            "That person doesn't work in every profile of these conversations. Choose someone who does, or Unassigned."));
                }
                moveTo(actor, conversation, to);
            }
            return ids.size();
        });
    }

    /** The listed conversations, or else the open ones of {@code openOfAssignee} that the actor sees. */
    private List<UUID> toMove(Actor actor, List<UUID> conversationIds, UUID openOfAssignee) {
        if (openOfAssignee != null && !memberships.people().containsKey(openOfAssignee)) {
            throw new NotFoundException();
        }
        List<UUID> ids = conversationIds != null && !conversationIds.isEmpty() ? conversationIds
                : openOfAssignee == null ? List.of() : openOf(actor, openOfAssignee);
        if (ids.isEmpty() && openOfAssignee != null) {
            throw new InvalidInputException(Map.of("openOfAssignee", "They hold no open conversations that you can see."));
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException(Map.of("conversationIds", "Choose conversations, or whose open conversations to move."));
        }
        if (ids.size() > MAX_BULK) {
            throw new InvalidInputException(Map.of("conversationIds", "Move at most 10,000 conversations at once."));
        }
        return ids;
    }

    /** One more than may move, so that too many are refused rather than cut short. */
    private List<UUID> openOf(Actor actor, UUID assigneeId) {
        return conversations.openSeenOf(Visibility.of(actor), assigneeId, MAX_BULK + 1);
    }

    /** Someone else who receives it finds it unread; open inboxes hear of it. */
    private void moveTo(Actor actor, Conversation conversation, UUID assigneeId) {
        conversations.assign(conversation.id(), assigneeId)
                .ifPresent(assigned -> changes.assigned(actor.accountId(), assigned, actor.userId(), clock.instant()));
        if (assigneeId != null && !assigneeId.equals(actor.userId())) {
            flags.markUnread(actor.accountId(), conversation.id(), List.of(assigneeId));
        }
        events.announce(actor.accountId(), conversation);
    }
}
