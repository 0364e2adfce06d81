package com.leadline.notifications.internal;

import com.leadline.identity.Identities;
import com.leadline.inbox.ConversationGlances;
import com.leadline.inbox.ConversationGlances.Glance;
import com.leadline.mail.Mailer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a transaction's inbox events call for, in that transaction and account: the assignment email to the
 * new holder (never when they took it themselves), the new-lead email to each member of the lead's profile
 * who chose one each, a digest entry for those who chose the digest, and word to open browsers. Each person
 * is told only of what the inbox's visibility rule lets them see as the change commits.
 */
@Component
class Notifier {

    record Lead(UUID conversationId, UUID profileId) {
    }

    record AssignmentKey(UUID assignee, UUID assignedBy) {
    }

    private final Recipients recipients;
    private final ConversationGlances glances;
    private final NotificationMails mails;
    private final Mailer mailer;
    private final Identities identities;
    private final BrowserNotifications browsers;
    private final JdbcClient jdbc;
    private final Clock clock;

    Notifier(Recipients recipients, ConversationGlances glances, NotificationMails mails, Mailer mailer, Identities identities,
             BrowserNotifications browsers, JdbcClient jdbc, Clock clock) {
        this.recipients = recipients;
        this.glances = glances;
        this.mails = mails;
        this.mailer = mailer;
        this.identities = identities;
        this.browsers = browsers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void notify(UUID accountId, List<Lead> leads, Set<UUID> messages, Map<AssignmentKey, Set<UUID>> assignments) {
        leads.forEach(lead -> newLead(accountId, lead));
        assignments.forEach((key, conversations) -> assigned(accountId, key, conversations));
        leads.forEach(lead -> browsers.announce(accountId, lead.conversationId(), BrowserNotifications.Kind.LEAD));
        messages.stream()
                .filter(conversation -> leads.stream().noneMatch(lead -> lead.conversationId().equals(conversation)))
                .forEach(conversation -> browsers.announce(accountId, conversation, BrowserNotifications.Kind.MESSAGE));
    }

    private void newLead(UUID accountId, Lead lead) {
        Instant now = clock.instant();
        for (Recipients.Recipient recipient : recipients.ofProfile(accountId, lead.profileId())) {
            if (recipient.newLead() == NewLeadChoice.OFF) {
                continue;
            }
            Optional<Glance> seen = glances.glanceFor(recipient.actor(), lead.conversationId());
            if (seen.isEmpty()) {
                continue;
            }
            if (recipient.newLead() == NewLeadChoice.EACH) {
                mailer.queue(mails.newLead(recipient, seen.get()));
            } else {
                jdbc.sql("""
                                INSERT INTO notification_digest_entries (account_id, user_id, conversation_id, queued_at)
                                VALUES (:a, :u, :c, :now) ON CONFLICT DO NOTHING""")
                        .param("a", accountId).param("u", recipient.userId()).param("c", lead.conversationId())
                        .param("now", Timestamp.from(now)).update();
            }
        }
    }

    private void assigned(UUID accountId, AssignmentKey key, Set<UUID> conversations) {
        recipients.find(accountId, key.assignee()).filter(Recipients.Recipient::assignmentEmail).ifPresent(recipient -> {
            List<Glance> seen = conversations.stream()
                    .flatMap(conversation -> glances.glanceFor(recipient.actor(), conversation).stream())
                    .filter(glance -> key.assignee().equals(glance.assigneeId()))
                    .toList();
            if (!seen.isEmpty()) {
                mailer.queue(mails.assignment(recipient, nameOf(key.assignedBy()), seen));
            }
        });
    }

    private String nameOf(UUID userId) {
        return userId == null ? "Leadline" : identities.user(userId).map(Identities.UserView::name).orElse("A colleague");
    }
}
