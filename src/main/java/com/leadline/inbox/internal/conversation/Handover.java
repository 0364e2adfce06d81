package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.inbox.internal.conversation.ConversationStore.Held;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.ConversationHandover;
import com.leadline.team.Memberships;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's side of deactivating someone ({@link ConversationHandover}): what they hold, moving it
 * inside the deactivation's transaction, and what deactivated people still hold.
 */
@Service
public class Handover implements ConversationHandover {

    private final ConversationStore conversations;
    private final UnreadFlags flags;
    private final InboxEvents events;
    private final ChangeEvents changes;
    private final Clock clock;
    private final Memberships memberships;
    private final TransactionTemplate transactions;

    Handover(ConversationStore conversations, UnreadFlags flags, InboxEvents events, ChangeEvents changes,
             Memberships memberships, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.flags = flags;
        this.events = events;
        this.changes = changes;
        this.clock = clock;
        this.memberships = memberships;
        this.transactions = transactions;
    }

    @Override
    public int openConversationsAssignedTo(UUID userId) {
        return conversations.openAssignedTo(userId);
    }

    @Override
    public Set<UUID> profilesOfOpenConversationsAssignedTo(UUID userId) {
        return conversations.profilesOfOpenAssignedTo(userId);
    }

    @Override
    public List<Holding> openHeldByDeactivatedUsers(Actor viewer) {
        return openHeldByDeactivatedUsers(viewer, memberships.people());
    }

    /** @param people the account's people, as the Inbox page has already read them */
    public List<Holding> openHeldByDeactivatedUsers(Actor viewer, Map<UUID, Memberships.Person> people) {
        Visibility visibility = Visibility.of(viewer);
        List<UUID> deactivated = people.values().stream().filter(Memberships.Person::deactivated).map(Memberships.Person::userId).toList();
        if (!visibility.seesAssignedToOthers() || deactivated.isEmpty()) {
            return List.of();
        }
        return transactions.execute(status -> {
            Map<UUID, List<Held>> byHolder = new HashMap<>();
            conversations.openHeldBy(visibility, deactivated)
                    .forEach(held -> byHolder.computeIfAbsent(held.assigneeId(), id -> new ArrayList<>()).add(held));
            return byHolder.entrySet().stream().map(holder -> holding(holder.getKey(), holder.getValue(), people))
                    .sorted(Comparator.comparing(Holding::name, String.CASE_INSENSITIVE_ORDER)).toList();
        });
    }

    private Holding holding(UUID holder, List<Held> held, Map<UUID, Memberships.Person> people) {
        return new Holding(holder, people.get(holder).name(), held.stream().mapToInt(Held::openConversations).sum(),
                memberships.workersOfEvery(held.stream().map(Held::profileId).collect(Collectors.toSet())));
    }

    private static Conversation withAssignee(Conversation c, UUID assignee) {
        return new Conversation(c.id(), c.profileId(), c.contactId(), c.contactName(), c.contactPhone(), c.state(), c.outcome(),
                assignee, c.lastActivityAt(), c.preview(), c.unread());
    }

    @Override
    public void transferOpenConversations(UUID fromUserId, Optional<UUID> to, UUID byUserId) {
        UUID accountId = Tenancy.currentAccount().orElseThrow();
        java.time.Instant now = clock.instant();
        for (Conversation moved : conversations.transferOpen(fromUserId, to.orElse(null))) {
            // Read under the lock transferOpen took: the conversation as it was, now with its new holder.
            changes.assigned(accountId, new ConversationStore.Assigned(moved.assigneeId(), withAssignee(moved, to.orElse(null))),
                    byUserId, now);
            to.ifPresent(assignee -> flags.markUnread(accountId, moved.id(), List.of(assignee)));
            events.announce(accountId, moved);
        }
    }
}
