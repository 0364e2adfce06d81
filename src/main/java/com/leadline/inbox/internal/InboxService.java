package com.leadline.inbox.internal;

import com.leadline.platform.NotFoundException;
import com.leadline.accounts.Profiles;
import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.internal.ConversationStore.Conversation;
import com.leadline.inbox.internal.ConversationStore.Cursor;
import com.leadline.inbox.internal.ConversationStore.Message;
import com.leadline.inbox.internal.ConversationStore.Tab;
import com.leadline.platform.GenericPlanReads;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.ConversationHandover;
import com.leadline.team.Memberships;
import com.leadline.team.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inbox use cases, one transaction each. Every read and every write goes through {@link Visibility}:
 * what the actor may not see answers 404, whatever the path.
 */
@Service
class InboxService implements ConversationHandover, InboundTexts {

    static final int PAGE_SIZE = 50;
    static final int MAX_BODY = 1600;
    private static final String PHONE = "\\+[1-9][0-9]{6,14}";
    private static final Set<String> OUTCOMES = Set.of("won", "lost", "other");

    record Page(List<Conversation> conversations, Cursor next) {
    }

    record Thread(Conversation conversation, List<Message> messages, ConversationStore.Contact contact,
                  List<Conversation> otherConversations, List<ConversationStore.Reminder> reminders) {
    }

    private final ConversationStore conversations;
    private final TextOutbox texts;
    private final InboxEvents events;
    private final Profiles profiles;
    private final Memberships memberships;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final TransactionTemplate pageReads;
    private final Clock clock;

    InboxService(ConversationStore conversations, TextOutbox texts, InboxEvents events, Profiles profiles,
                 Memberships memberships, Tenancy tenancy, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.texts = texts;
        this.events = events;
        this.profiles = profiles;
        this.memberships = memberships;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.pageReads = new GenericPlanReads(transactions.getTransactionManager());
        this.clock = clock;
    }

    @Override
    public UUID receiveInbound(UUID accountId, UUID profileId, String fromPhone, String body) {
        if (fromPhone == null || !fromPhone.matches(PHONE)) {
            throw new InvalidInputException(Map.of("phone", "Give the number in international form, like +15551234567."));
        }
        String text = validBody(body);
        return transactions.execute(status -> tenancy.inAccount(accountId, () -> {
            if (profiles.find(profileId).isEmpty()) {
                throw new NotFoundException();
            }
            Instant now = clock.instant();
            UUID contact = conversations.contactByPhone(profileId, fromPhone).orElseGet(() -> {
                UUID id = UUID.randomUUID();
                conversations.insertContact(id, accountId, profileId, fromPhone, now);
                return id;
            });
            UUID conversation = conversations.liveConversationOf(contact).orElseGet(() -> {
                UUID id = UUID.randomUUID();
                conversations.insertConversation(id, accountId, profileId, contact, now);
                return id;
            });
            conversations.insertMessage(accountId, conversation, "inbound", null, text, now);
            conversations.markUnread(accountId, conversation, memberships.viewersOf(profileId));
            Conversation received = conversations.find(conversation).orElseThrow();
            events.announce(accountId, conversation, received.profileId(), received.assigneeId());
            return conversation;
        }));
    }

    /** The latest outbound texts of the conversations the actor may see, for the local dev channel. */
    List<TextOutbox.Entry> recentTexts(Actor actor) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> texts.recent(Visibility.of(actor), 20));
    }

    Page list(Actor actor, Tab tab, ConversationStore.Filter filter, Cursor after) {
        return pageReads.execute(status -> {
            List<Conversation> rows = new ArrayList<>(
                    conversations.page(Visibility.of(actor), tab, filter, after, PAGE_SIZE + 1));
            Cursor next = null;
            if (rows.size() > PAGE_SIZE) {
                rows = rows.subList(0, PAGE_SIZE);
                Conversation last = rows.get(PAGE_SIZE - 1);
                next = new Cursor(last.group(), last.lastActivityAt(), last.id());
            }
            return new Page(rows, next);
        });
    }

    /** Per tab, the conversations the rule shows that the actor has not read. */
    Map<Tab, Integer> unreadCounts(Actor actor) {
        return transactions.execute(status -> new EnumMap<>(conversations.unreadCounts(Visibility.of(actor))));
    }

    /** The profile of a conversation the actor sees (404 otherwise), without reading it. */
    UUID profileOf(Actor actor, UUID conversationId) {
        return transactions.execute(status -> visible(actor, conversationId).profileId());
    }

    /** Opening a conversation reads it: it is no longer unread for the actor (and for nobody else). */
    Thread thread(Actor actor, UUID conversationId) {
        return transactions.execute(status -> {
            Visibility visibility = Visibility.of(actor);
            Conversation conversation = visible(actor, conversationId);
            conversations.markRead(actor.userId(), conversationId);
            List<Conversation> others = conversations.conversationsOf(visibility, conversation.contactId()).stream()
                    .filter(other -> !other.id().equals(conversationId)).toList();
            return new Thread(conversation, conversations.messages(conversationId),
                    conversations.contact(conversation.contactId()).orElseThrow(), others, conversations.reminders(conversationId));
        });
    }

    /** The message and its outbox row in one transaction: the relay texts it to the contact after commit. */
    void reply(Actor actor, UUID conversationId, String body) {
        String text = validBody(body);
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (conversation.contactPhone() == null) {
                throw new InvalidInputException(Map.of("body", "This contact has no phone number to text."));
            }
            Instant now = clock.instant();
            UUID message = conversations.insertMessage(actor.accountId(), conversationId, "outbound", actor.userId(), text, now);
            texts.queue(actor.accountId(), message, conversation.profileId(), conversation.contactPhone(), text, now);
            conversations.markOpen(conversationId);
            conversations.markRead(actor.userId(), conversationId);
            events.announce(actor.accountId(), conversationId, conversation.profileId(), conversation.assigneeId());
        });
    }

    void note(Actor actor, UUID conversationId, String body) {
        String text = validBody(body);
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            conversations.insertMessage(actor.accountId(), conversationId, "note", actor.userId(), text, clock.instant());
            conversations.markRead(actor.userId(), conversationId);
            events.announce(actor.accountId(), conversationId, conversation.profileId(), conversation.assigneeId());
        });
    }

    /** To a member who works in the conversation's profile, or to Unassigned (null). */
    void assign(Actor actor, UUID conversationId, UUID assigneeId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (assigneeId != null && !memberships.worksIn(assigneeId, conversation.profileId())) {
                throw new InvalidInputException(Map.of("assigneeId",
                        "Choose an active member of this conversation's profile, or Unassigned."));
            }
            conversations.assign(conversationId, assigneeId);
            if (assigneeId != null && !assigneeId.equals(actor.userId())) {
                conversations.markUnread(actor.accountId(), conversationId, List.of(assigneeId));
            }
            events.announce(actor.accountId(), conversationId, conversation.profileId(), conversation.assigneeId());
        });
    }

    /**
     * Admins move many conversations at once, the listed ones or every open one assigned to someone
     * (a deactivated user included), to a member or to Unassigned: all or nothing, in one transaction.
     *
     * @return how many moved
     */
    int bulkTransfer(Actor actor, List<UUID> conversationIds, UUID openOfAssignee, UUID to) {
        actor.require(Permission.BULK_TRANSFER);
        return transactions.execute(status -> {
            if (openOfAssignee != null && !memberships.people().containsKey(openOfAssignee)) {
                throw new NotFoundException();
            }
            List<UUID> ids = conversationIds != null && !conversationIds.isEmpty() ? conversationIds
                    : openOfAssignee == null ? List.of()
                    : conversations.page(Visibility.of(actor), Tab.ALL,
                            new ConversationStore.Filter(null, openOfAssignee, false, ""), null, 100_000).stream()
                            .filter(c -> !c.state().equals("closed")).map(Conversation::id).toList();
            if (ids.isEmpty() && openOfAssignee != null) {
                throw new InvalidInputException(Map.of("openOfAssignee", "They hold no open conversations that you can see."));
            }
            if (ids.isEmpty()) {
                throw new InvalidInputException(Map.of("conversationIds", "Choose conversations, or whose open conversations to move."));
            }
            if (ids.size() > 10_000) {
                throw new InvalidInputException(Map.of("conversationIds", "Move at most 10,000 conversations at once."));
            }
            for (UUID id : ids) {
                Conversation conversation = visible(actor, id);
                if (to != null && !memberships.worksIn(to, conversation.profileId())) {
                    throw new InvalidInputException(Map.of("to",
                            "That person doesn't work in every profile of these conversations. Choose someone who does, or Unassigned."));
                }
                conversations.assign(id, to);
                if (to != null && !to.equals(actor.userId())) {
                    conversations.markUnread(actor.accountId(), id, List.of(to));
                }
                events.announce(actor.accountId(), id, conversation.profileId(), conversation.assigneeId());
            }
            return ids.size();
        });
    }

    void close(Actor actor, UUID conversationId, String outcome) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new InvalidInputException(Map.of("outcome", "Choose Won, Lost or Other."));
        }
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (conversation.state().equals("closed")) {
                throw new ConflictException("This conversation is already closed.");
            }
            conversations.close(conversationId, outcome);
            events.announce(actor.accountId(), conversationId, conversation.profileId(), conversation.assigneeId());
        });
    }

    void reopen(Actor actor, UUID conversationId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (!conversation.state().equals("closed") || !conversations.reopen(conversationId)) {
                throw new ConflictException(
                        "Only a closed conversation can be reopened, and not while the contact has a newer one open.");
            }
            events.announce(actor.accountId(), conversationId, conversation.profileId(), conversation.assigneeId());
        });
    }

    /**
     * To another of the actor's profiles: the conversation takes that profile's contact with the same phone
     * (or a copy of this one), keeps its assignee if they work there, and is unread for that profile's people.
     */
    void moveToProfile(Actor actor, UUID conversationId, UUID profileId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (profileId == null || !actor.canManageProfile(profileId)) {
                throw new InvalidInputException(Map.of("profileId", "Choose one of your profiles."));
            }
            if (profileId.equals(conversation.profileId())) {
                return;
            }
            ConversationStore.Contact contact = conversations.contact(conversation.contactId()).orElseThrow();
            Instant now = clock.instant();
            UUID target = (contact.phone() == null ? Optional.<UUID>empty() : conversations.contactByPhone(profileId, contact.phone()))
                    .orElseGet(() -> {
                        UUID id = UUID.randomUUID();
                        conversations.copyContact(contact, id, actor.accountId(), profileId, now);
                        return id;
                    });
            if (!conversation.state().equals("closed") && conversations.liveConversationOf(target).isPresent()) {
                throw new ConflictException("This contact already has an open conversation in that profile.");
            }
            UUID assignee = conversation.assigneeId() != null && memberships.worksIn(conversation.assigneeId(), profileId)
                    ? conversation.assigneeId() : null;
            conversations.moveToProfile(conversationId, profileId, target, assignee);
            Set<UUID> newcomers = new java.util.HashSet<>(memberships.viewersOf(profileId));
            newcomers.remove(actor.userId());
            conversations.markUnread(actor.accountId(), conversationId, newcomers);
            events.announce(actor.accountId(), conversationId, conversation.profileId(), conversation.assigneeId());
        });
    }

    static final int MAX_REMINDER_NOTE = 500;

    /** A reminder at a future time (within a year), with an optional note; who set it is kept. */
    UUID remind(Actor actor, UUID conversationId, Instant dueAt, String note) {
        String text = note == null ? "" : note.strip();
        Instant now = clock.instant();
        if (dueAt == null || !dueAt.isAfter(now) || dueAt.isAfter(now.plus(java.time.Duration.ofDays(366)))) {
            throw new InvalidInputException(Map.of("dueAt", "Choose a time in the future, at most a year from now."));
        }
        if (text.length() > MAX_REMINDER_NOTE) {
            throw new InvalidInputException(Map.of("note", "Keep the note to " + MAX_REMINDER_NOTE + " characters."));
        }
        return transactions.execute(status -> {
            Conversation conversation = workable(actor, conversationId);
            UUID id = UUID.randomUUID();
            conversations.insertReminder(id, actor.accountId(), conversationId, dueAt, text, actor.userId(), now);
            events.announce(actor.accountId(), conversationId, conversation.profileId(), conversation.assigneeId());
            return id;
        });
    }

    void cancelReminder(Actor actor, UUID conversationId, UUID reminderId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (!conversations.deletePendingReminder(conversationId, reminderId)) {
                throw new NotFoundException();
            }
            events.announce(actor.accountId(), conversationId, conversation.profileId(), conversation.assigneeId());
        });
    }

    /**
     * Fires the reminders that are due in every account, one account per transaction. Several nodes may
     * run this at once; each reminder fires once.
     *
     * @return how many fired
     */
    int fireDueReminders() {
        int fired = 0;
        for (UUID accountId : conversations.accountsWithDueReminders(clock.instant(), 500)) {
            fired += fireDueRemindersOf(accountId);
        }
        return fired;
    }

    /**
     * Fires one account's due reminders: each conversation moves up and is unread again for its assignee
     * (for everyone who sees it when nobody holds it).
     *
     * @return how many fired
     */
    int fireDueRemindersOf(UUID accountId) {
        Instant now = clock.instant();
        return transactions.execute(status -> tenancy.inAccount(accountId, () -> {
            List<ConversationStore.Reminder> due = conversations.claimDueReminders(now, 500);
            for (ConversationStore.Reminder reminder : due) {
                Conversation conversation = conversations.find(reminder.conversationId()).orElseThrow();
                conversations.fire(reminder, now);
                conversations.markUnread(accountId, conversation.id(), conversation.assigneeId() != null
                        ? Set.of(conversation.assigneeId()) : memberships.viewersOf(conversation.profileId()));
                events.announce(accountId, conversation.id(), conversation.profileId(), conversation.assigneeId());
            }
            return due.size();
        }));
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
    List<Holding> openHeldByDeactivatedUsers(Actor viewer, Map<UUID, Memberships.Person> people) {
        Visibility visibility = Visibility.of(viewer);
        List<UUID> deactivated = people.values().stream().filter(Memberships.Person::deactivated).map(Memberships.Person::userId).toList();
        if (!visibility.seesAssignedToOthers() || deactivated.isEmpty()) {
            return List.of();
        }
        return transactions.execute(status -> {
            Map<UUID, List<ConversationStore.Held>> byHolder = new java.util.HashMap<>();
            conversations.openHeldBy(visibility, deactivated)
                    .forEach(held -> byHolder.computeIfAbsent(held.assigneeId(), id -> new ArrayList<>()).add(held));
            return byHolder.entrySet().stream().map(holder -> new Holding(holder.getKey(), people.get(holder.getKey()).name(),
                            holder.getValue().stream().mapToInt(ConversationStore.Held::openConversations).sum(),
                            memberships.workersOfEvery(holder.getValue().stream().map(ConversationStore.Held::profileId)
                                    .collect(java.util.stream.Collectors.toSet()))))
                    .sorted(java.util.Comparator.comparing(Holding::name, String.CASE_INSENSITIVE_ORDER)).toList();
        });
    }

    @Override
    public void transferOpenConversations(UUID fromUserId, Optional<UUID> to) {
        UUID accountId = Tenancy.currentAccount().orElseThrow();
        for (Conversation moved : conversations.transferOpen(fromUserId, to.orElse(null))) {
            to.ifPresent(assignee -> conversations.markUnread(accountId, moved.id(), List.of(assignee)));
            events.announce(accountId, moved.id(), moved.profileId(), moved.assigneeId());
        }
    }

    private Conversation visible(Actor actor, UUID conversationId) {
        Visibility visibility = Visibility.of(actor);
        return conversations.find(conversationId)
                .filter(conversation -> visibility.allows(conversation.profileId(), conversation.assigneeId()))
                .orElseThrow(NotFoundException::new);
    }

    /** Seen first (404 otherwise), then allowed to work on it (403). */
    private Conversation workable(Actor actor, UUID conversationId) {
        Conversation conversation = visible(actor, conversationId);
        actor.require(Permission.WORK_CONVERSATIONS);
        return conversation;
    }

    private static String validBody(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new InvalidInputException(Map.of("body", "Write a message of up to " + MAX_BODY + " characters."));
        }
        return text;
    }
}
