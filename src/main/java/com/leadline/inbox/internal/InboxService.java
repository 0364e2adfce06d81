package com.leadline.inbox.internal;

import com.leadline.accounts.Profiles;
import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.internal.ConversationStore.Conversation;
import com.leadline.inbox.internal.ConversationStore.Cursor;
import com.leadline.inbox.internal.ConversationStore.Message;
import com.leadline.inbox.internal.ConversationStore.Tab;
import com.leadline.platform.RequestRefusedException;
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

    record Thread(Conversation conversation, List<Message> messages) {
    }

    private final ConversationStore conversations;
    private final TextOutbox texts;
    private final InboxEvents events;
    private final Profiles profiles;
    private final Memberships memberships;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
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
        this.clock = clock;
    }

    @Override
    public UUID receiveInbound(UUID accountId, UUID profileId, String fromPhone, String body) {
        if (fromPhone == null || !fromPhone.matches(PHONE)) {
            throw RequestRefusedException.invalid(Map.of("phone", "Give the number in international form, like +15551234567."));
        }
        String text = validBody(body);
        return transactions.execute(status -> tenancy.inAccount(accountId, () -> {
            if (profiles.find(profileId).isEmpty()) {
                throw RequestRefusedException.notFound();
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
            events.announce(accountId, conversation, conversations.find(conversation).map(Conversation::assigneeId).orElse(null));
            return conversation;
        }));
    }

    /** The latest outbound texts of the conversations the actor may see, for the local dev channel. */
    List<TextOutbox.Entry> recentTexts(Actor actor) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> texts.recent(Visibility.of(actor), 20));
    }

    Page list(Actor actor, Tab tab, ConversationStore.Filter filter, Cursor after) {
        return transactions.execute(status -> {
            List<Conversation> rows = new ArrayList<>(
                    conversations.page(Visibility.of(actor), tab, filter, after, PAGE_SIZE + 1));
            Cursor next = null;
            if (rows.size() > PAGE_SIZE) {
                rows = rows.subList(0, PAGE_SIZE);
                Conversation last = rows.get(PAGE_SIZE - 1);
                next = new Cursor(last.sortGroup(), last.lastActivityAt(), last.id());
            }
            return new Page(rows, next);
        });
    }

    record ContactPage(ConversationStore.Contact contact, List<Conversation> conversations) {
    }

    /** A contact of one of the actor's profiles, with only the conversations the rule lets the actor see. */
    ContactPage contact(Actor actor, UUID contactId) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> {
            ConversationStore.Contact contact = conversations.contact(contactId)
                    .filter(found -> actor.profileIds().contains(found.profileId()))
                    .orElseThrow(RequestRefusedException::notFound);
            return new ContactPage(contact, conversations.conversationsOf(Visibility.of(actor), contactId));
        });
    }

    List<ConversationStore.Contact> contacts(Actor actor, String search, String afterName, UUID afterId) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> conversations.contacts(actor.profileIds(), search, afterName, afterId, PAGE_SIZE));
    }

    Map<Tab, Integer> counts(Actor actor) {
        return transactions.execute(status -> {
            Visibility visibility = Visibility.of(actor);
            Map<Tab, Integer> counts = new EnumMap<>(Tab.class);
            for (Tab tab : Tab.values()) {
                counts.put(tab, conversations.count(visibility, tab));
            }
            return counts;
        });
    }

    Thread thread(Actor actor, UUID conversationId) {
        return transactions.execute(status -> {
            Conversation conversation = visible(actor, conversationId);
            return new Thread(conversation, conversations.messages(conversationId));
        });
    }

    /** The message and its outbox row in one transaction: the relay texts it to the contact after commit. */
    void reply(Actor actor, UUID conversationId, String body) {
        String text = validBody(body);
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (conversation.contactPhone() == null) {
                throw RequestRefusedException.invalid(Map.of("body", "This contact has no phone number to text."));
            }
            Instant now = clock.instant();
            UUID message = conversations.insertMessage(actor.accountId(), conversationId, "outbound", actor.userId(), text, now);
            texts.queue(actor.accountId(), message, conversation.profileId(), conversation.contactPhone(), text, now);
            conversations.markOpen(conversationId);
            events.announce(actor.accountId(), conversationId, conversation.assigneeId());
        });
    }

    void note(Actor actor, UUID conversationId, String body) {
        String text = validBody(body);
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            conversations.insertMessage(actor.accountId(), conversationId, "note", actor.userId(), text, clock.instant());
            events.announce(actor.accountId(), conversationId, conversation.assigneeId());
        });
    }

    /** To a member who works in the conversation's profile, or to Unassigned (null). */
    void assign(Actor actor, UUID conversationId, UUID assigneeId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (assigneeId != null && !memberships.worksIn(assigneeId, conversation.profileId())) {
                throw RequestRefusedException.invalid(Map.of("assigneeId",
                        "Choose an active member of this conversation's profile, or Unassigned."));
            }
            conversations.assign(conversationId, assigneeId);
            events.announce(actor.accountId(), conversationId, conversation.assigneeId());
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
            List<UUID> ids = conversationIds != null && !conversationIds.isEmpty() ? conversationIds
                    : openOfAssignee == null ? List.of()
                    : conversations.page(Visibility.of(actor), Tab.ALL,
                            new ConversationStore.Filter(null, openOfAssignee, false, ""), null, 100_000).stream()
                            .filter(c -> !c.state().equals("closed")).map(Conversation::id).toList();
            if (ids.isEmpty()) {
                throw RequestRefusedException.invalid(Map.of("conversationIds", "Choose conversations, or whose open conversations to move."));
            }
            if (ids.size() > 10_000) {
                throw RequestRefusedException.invalid(Map.of("conversationIds", "Move at most 10,000 conversations at once."));
            }
            for (UUID id : ids) {
                Conversation conversation = visible(actor, id);
                if (to != null && !memberships.worksIn(to, conversation.profileId())) {
                    throw RequestRefusedException.invalid(Map.of("to",
                            "That person doesn't work in every profile of these conversations. Choose someone who does, or Unassigned."));
                }
                conversations.assign(id, to);
                events.announce(actor.accountId(), id, conversation.assigneeId());
            }
            return ids.size();
        });
    }

    void close(Actor actor, UUID conversationId, String outcome) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw RequestRefusedException.invalid(Map.of("outcome", "Choose Won, Lost or Other."));
        }
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (conversation.state().equals("closed")) {
                throw RequestRefusedException.conflict("This conversation is already closed.");
            }
            conversations.close(conversationId, outcome);
            events.announce(actor.accountId(), conversationId, conversation.assigneeId());
        });
    }

    void reopen(Actor actor, UUID conversationId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = workable(actor, conversationId);
            if (!conversation.state().equals("closed") || !conversations.reopen(conversationId)) {
                throw RequestRefusedException.conflict(
                        "Only a closed conversation can be reopened, and not while the contact has a newer one open.");
            }
            events.announce(actor.accountId(), conversationId, conversation.assigneeId());
        });
    }

    @Override
    public int openConversationsAssignedTo(UUID userId) {
        return conversations.openAssignedTo(userId);
    }

    @Override
    public void transferOpenConversations(UUID fromUserId, Optional<UUID> to) {
        conversations.transferOpen(fromUserId, to.orElse(null));
    }

    private Conversation visible(Actor actor, UUID conversationId) {
        Visibility visibility = Visibility.of(actor);
        return conversations.find(conversationId)
                .filter(conversation -> visibility.allows(conversation.profileId(), conversation.assigneeId()))
                .orElseThrow(RequestRefusedException::notFound);
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
            throw RequestRefusedException.invalid(Map.of("body", "Write a message of up to " + MAX_BODY + " characters."));
        }
        return text;
    }
}
