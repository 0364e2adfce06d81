package com.leadline.mail.internal;

import com.leadline.platform.OutboxRelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the mail outbox through the mail transport ({@link OutboxRelay} holds the claiming, lease
 * and back-off rules). The mail outbox is a platform table, not a tenant table (no account, no
 * row-level security), so the relay reads and updates it directly.
 */
class MailRelay extends OutboxRelay<MailRelay.Claimed, Void> {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailTransport transport;
    private final Seal seal;

    MailRelay(JdbcClient jdbc, TransactionTemplate transactions, MailTransport transport, Seal seal, Clock clock,
              Policy policy) {
        super("mail", clock, policy);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.transport = transport;
        this.seal = seal;
    }

    record Claimed(long id, UUID claim, String recipient, String subject, byte[] sealedBody, byte[] sealedHeaders, int attempts)
            implements OutboxRelay.Claimed {
    }

    @Scheduled(fixedDelayString = "${leadline.mail.relay-interval:5s}", initialDelayString = "${leadline.mail.relay-interval:5s}")
    void poll() {
        deliverDue();
    }

    @Override
    protected List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        return transactions.execute(status -> jdbc.sql("""
                        WITH due AS (
                            SELECT id FROM mail_outbox
                            WHERE (status = 'pending' AND next_attempt_at <= :now)
                               OR (status = 'sending' AND lease_until <= :now)
                            ORDER BY id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        UPDATE mail_outbox m
                        SET status = 'sending', claim_id = :claim, lease_until = :leaseUntil, attempts = m.attempts + 1
                        FROM due WHERE m.id = due.id
                        RETURNING m.id, m.recipient, m.subject, m.sealed_body, m.sealed_headers, m.attempts""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("claim", claim)
                .param("leaseUntil", Timestamp.from(now.plus(policy.lease())))
                .query((rs, n) -> new Claimed(rs.getLong(1), claim, rs.getString(2), rs.getString(3),
                        rs.getBytes(4), rs.getBytes(5), rs.getInt(6)))
                .list());
    }

    @Override
    protected Void send(Claimed mail) throws Exception {
        transport.deliver(mail.id(), mail.recipient(), mail.subject(), seal.open(mail.sealedBody()),
                MailHeaders.open(seal, mail.sealedHeaders()));
        return null;
    }

    @Override
    protected boolean markSent(Claimed mail, Void receipt) {
        return jdbc.sql("""
                        UPDATE mail_outbox
                        SET status = 'sent', sent_at = :now, lease_until = NULL, last_error = NULL,
                            sealed_body = ''::bytea, sealed_headers = NULL
                        WHERE id = :id AND claim_id = :claim""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", mail.id())
                .param("claim", mail.claim())
                .update() == 1;
    }

    @Override
    protected void markFailed(Claimed mail, Failure failure) {
        jdbc.sql("""
                        UPDATE mail_outbox
                        SET status = :status, next_attempt_at = :next, lease_until = NULL, last_error = :error
                        WHERE id = :id AND claim_id = :claim""")
                .param("status", failure.giveUp() ? "failed" : "pending")
                .param("next", Timestamp.from(failure.nextAttemptAt()))
                .param("error", failure.error())
                .param("id", mail.id())
                .param("claim", mail.claim())
                .update();
    }
}
