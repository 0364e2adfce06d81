package com.leadline.notifications.internal;

import com.leadline.inbox.ConversationGlances;
import com.leadline.inbox.ConversationGlances.Glance;
import com.leadline.mail.Mailer;
import com.leadline.platform.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The new-lead digest: for each person with leads waiting whose last digest is at least one interval old,
 * one email listing them, each conversation checked again through the inbox's visibility rule as it goes
 * out (one given to someone else meanwhile is left out for a team member; a digest left with nothing is not
 * sent). One account per transaction; the entries are taken (locked, skipped by other nodes) and removed in
 * the transaction that queues the email.
 */
@Service
class Digests {

    /** Accounts with leads waiting are read this many at a time; a run goes through all of them. */
    static final int ACCOUNTS_PER_PAGE = 500;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Recipients recipients;
    private final ConversationGlances glances;
    private final NotificationMails mails;
    private final Mailer mailer;
    private final Clock clock;
    private final Duration interval;
    private final int accountsPerPage;

    @Autowired
    Digests(JdbcClient jdbc, Tenancy tenancy, TransactionTemplate transactions, Recipients recipients,
            ConversationGlances glances, NotificationMails mails, Mailer mailer, Clock clock,
            @Value("${leadline.notifications.digest-interval:15m}") Duration interval) {
        this(jdbc, tenancy, transactions, recipients, glances, mails, mailer, clock, interval, ACCOUNTS_PER_PAGE);
    }

    /** With accounts read {@code accountsPerPage} at a time (a test reads them one by one). */
    Digests(JdbcClient jdbc, Tenancy tenancy, TransactionTemplate transactions, Recipients recipients,
            ConversationGlances glances, NotificationMails mails, Mailer mailer, Clock clock, Duration interval,
            int accountsPerPage) {
        this.accountsPerPage = accountsPerPage;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.recipients = recipients;
        this.glances = glances;
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
        this.interval = interval;
    }

    Duration interval() {
        return interval;
    }

    /** Sends every digest that is due now, in every account; returns how many emails were queued. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        UUID after = null;
        List<UUID> accounts;
        do {
            UUID from = after;
            accounts = transactions.execute(status -> jdbc.sql("SELECT notifications_accounts_with_digest_entries(:now, :after, :limit)")
                    .param("now", Timestamp.from(now)).param("after", from, java.sql.Types.OTHER).param("limit", accountsPerPage)
                    .query(UUID.class).list());
            for (UUID accountId : accounts) {
                sent += tenancy.inAccount(accountId, () -> transactions.execute(status -> sendDueIn(accountId, now)));
            }
            after = accounts.isEmpty() ? null : accounts.get(accounts.size() - 1);
        } while (accounts.size() == accountsPerPage);
        return sent;
    }

    private int sendDueIn(UUID accountId, Instant now) {
        Map<UUID, List<UUID>> waiting = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT e.user_id, e.conversation_id FROM notification_digest_entries e
                        LEFT JOIN notification_preferences p ON p.account_id = e.account_id AND p.user_id = e.user_id
                        WHERE e.queued_at <= :now AND (p.last_digest_at IS NULL OR p.last_digest_at <= :lastBefore)
                        ORDER BY e.user_id, e.queued_at, e.conversation_id
                        FOR UPDATE OF e SKIP LOCKED""")
                .param("now", Timestamp.from(now)).param("lastBefore", Timestamp.from(now.minus(interval)))
                .query((rs, n) -> waiting.computeIfAbsent(rs.getObject(1, UUID.class), user -> new java.util.ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        int sent = 0;
        for (Map.Entry<UUID, List<UUID>> person : waiting.entrySet()) {
            jdbc.sql("DELETE FROM notification_digest_entries WHERE user_id = :u AND conversation_id = ANY (:c)")
                    .param("u", person.getKey()).param("c", person.getValue().toArray(UUID[]::new)).update();
            var recipient = recipients.find(accountId, person.getKey())
                    .filter(found -> found.newLead() != NewLeadChoice.OFF);
            if (recipient.isEmpty()) {
                continue;
            }
            List<Glance> visible = person.getValue().stream()
                    .flatMap(conversation -> glances.glanceFor(recipient.get().actor(), conversation).stream())
                    .toList();
            if (visible.isEmpty()) {
                continue;
            }
            mailer.queue(mails.digest(recipient.get(), visible, interval));
            jdbc.sql("""
                            INSERT INTO notification_preferences (account_id, user_id, last_digest_at, updated_at)
                            VALUES (:a, :u, :now, :now)
                            ON CONFLICT (account_id, user_id) DO UPDATE SET last_digest_at = :now""")
                    .param("a", accountId).param("u", person.getKey()).param("now", Timestamp.from(now)).update();
            sent++;
        }
        return sent;
    }
}
