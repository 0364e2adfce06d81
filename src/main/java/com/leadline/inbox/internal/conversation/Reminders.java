package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.Memberships;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Reminders: set and cancelled by people, one transaction each; fired when due, one account per transaction. */
@Service
public class Reminders {

    static final int MAX_NOTE = 500;
    private static final int BATCH = 500;

    private final ReminderStore reminders;
    private final ConversationStore conversations;
    private final UnreadFlags flags;
    private final InboxEvents events;
    private final ConversationAccess access;
    private final Memberships memberships;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Reminders(ReminderStore reminders, ConversationStore conversations, UnreadFlags flags, InboxEvents events,
              ConversationAccess access, Memberships memberships, Tenancy tenancy, TransactionTemplate transactions, Clock clock) {
        this.reminders = reminders;
        this.conversations = conversations;
        this.flags = flags;
        this.events = events;
        this.access = access;
        this.memberships = memberships;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A reminder at a future time (within a year), with an optional note; who set it is kept. */
    public UUID remind(Actor actor, UUID conversationId, Instant dueAt, String note) {
        String text = note == null ? "" : note.strip();
        Instant now = clock.instant();
        if (dueAt == null || !dueAt.isAfter(now) || dueAt.isAfter(now.plus(Duration.ofDays(366)))) {
            throw new InvalidInputException(Map.of("dueAt", "Choose a time in the future, at most a year from now."));
        }
        if (text.length() > MAX_NOTE) {
            throw new InvalidInputException(Map.of("note", "Keep the note to " + MAX_NOTE + " characters."));
        }
        return transactions.execute(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            UUID id = UUID.randomUUID();
            reminders.insert(id, actor.accountId(), conversationId, dueAt, text, actor.userId(), now);
            events.announce(actor.accountId(), conversation);
            return id;
        });
    }

    public void cancel(Actor actor, UUID conversationId, UUID reminderId) {
        transactions.executeWithoutResult(status -> {
            Conversation conversation = access.workable(actor, conversationId);
            if (!reminders.deletePending(conversationId, reminderId)) {
                throw new NotFoundException();
            }
            events.announce(actor.accountId(), conversation);
        });
    }

    /**
     * Fires the reminders that are due in every account, one account per transaction. Several nodes may
     * run this at once; each reminder fires once.
     *
     * @return how many fired
     */
    int fireDue() {
        int fired = 0;
        for (UUID accountId : reminders.accountsWithDue(clock.instant(), BATCH)) {
            fired += fireDueOf(accountId);
        }
        return fired;
    }

    /**
     * Fires one account's due reminders: each conversation moves up and is unread again for its assignee
     * (for everyone who sees it when nobody holds it).
     *
     * @return how many fired
     */
    int fireDueOf(UUID accountId) {
        Instant now = clock.instant();
        return transactions.execute(status -> tenancy.inAccount(accountId, () -> {
            List<ReminderStore.Reminder> due = reminders.claimDue(now, BATCH);
            for (ReminderStore.Reminder reminder : due) {
                Conversation conversation = conversations.find(reminder.conversationId()).orElseThrow();
                reminders.markFired(reminder, now);
                conversations.touch(conversation.id(), now);
                flags.markUnread(accountId, conversation.id(), conversation.assigneeId() != null
                        ? Set.of(conversation.assigneeId()) : memberships.viewersOf(conversation.profileId()));
                events.announce(accountId, conversation);
            }
            return due.size();
        }));
    }
}
