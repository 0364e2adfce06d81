package com.leadline.notifications.internal;

import com.leadline.inbox.ConversationAssigned;
import com.leadline.inbox.LeadCreated;
import com.leadline.inbox.MessageReceived;
import com.leadline.platform.Tenancy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Listens to the inbox's events, inside the transaction of each change (as the integrations module's
 * webhooks do): what a transaction's events call for is gathered and written just before it commits, as
 * mail outbox rows ({@code Mailer.queue}), digest entries and a NOTIFY for open browsers, so a change rolled
 * back tells nobody, and the emails leave (after commit) through the mail relay. Gathering first means a bulk
 * assignment of many conversations is one email to each new holder, and that visibility is checked as the
 * change leaves the conversations.
 */
@Component
class NotificationEvents {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NotificationEvents.class);

    private final Notifier notifier;
    private final Tenancy tenancy;

    NotificationEvents(Notifier notifier, Tenancy tenancy) {
        this.notifier = notifier;
        this.tenancy = tenancy;
    }

    @EventListener
    void on(LeadCreated event) {
        pending(event.accountId()).leads.add(new Notifier.Lead(event.conversation().id(), event.conversation().profileId()));
    }

    @EventListener
    void on(MessageReceived event) {
        pending(event.accountId()).messages.add(event.conversation().id());
    }

    @EventListener
    void on(ConversationAssigned event) {
        UUID assignee = event.conversation().assigneeId();
        if (assignee == null || assignee.equals(event.assignedBy())) {
            return;
        }
        pending(event.accountId()).assignments
                .computeIfAbsent(new Notifier.AssignmentKey(assignee, event.assignedBy()), key -> new LinkedHashSet<>())
                .add(event.conversation().id());
    }

    private Pending pending(UUID accountId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // The inbox publishes inside the change's transaction; an event outside one would have nothing to commit with.
            log.warn("An inbox event outside a transaction: nobody is notified of it");
            return new Pending(accountId);
        }
        Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Pending.class::isInstance).map(Pending.class::cast)
                .filter(candidate -> candidate.accountId.equals(accountId)).findFirst()
                .orElseGet(() -> {
                    Pending made = new Pending(accountId);
                    TransactionSynchronizationManager.registerSynchronization(made);
                    return made;
                });
        return pending;
    }

    /** One transaction's events for one account, written just before it commits. */
    private final class Pending implements TransactionSynchronization {

        final UUID accountId;
        final List<Notifier.Lead> leads = new ArrayList<>();
        final Set<UUID> messages = new LinkedHashSet<>();
        final Map<Notifier.AssignmentKey, Set<UUID>> assignments = new LinkedHashMap<>();

        Pending(UUID accountId) {
            this.accountId = accountId;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            try {
                tenancy.inAccount(accountId, () -> notifier.notify(accountId, leads, messages, assignments));
            } catch (RuntimeException e) {
                // A lead filed or a conversation assigned matters more than telling people of it: the change still commits
                // (unless the database already refused a statement, which ends the transaction anyway).
                log.warn("Could not queue the notifications of a change in account {}: {}", accountId, e.toString());
            }
        }
    }
}
