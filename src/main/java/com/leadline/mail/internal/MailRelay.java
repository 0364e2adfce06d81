package com.leadline.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox after commit. Each batch is claimed in its own short transaction
 * ({@code FOR UPDATE SKIP LOCKED}, so nodes never claim the same row) and leased; the claim is
 * committed before anything is sent, and only the holder of the claim may mark the row sent or
 * failed. A row whose lease ran out (its node crashed mid-send) is claimed again.
 */
class MailRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailTransport transport;
    private final Seal seal;
    private final Clock clock;
    private final RelayPolicy policy;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    MailRelay(JdbcClient jdbc, TransactionTemplate transactions, MailTransport transport, Seal seal, Clock clock,
              RelayPolicy policy) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.transport = transport;
        this.seal = seal;
        this.clock = clock;
        this.policy = policy;
    }

    record Claimed(long id, UUID claim, String recipient, String subject, byte[] sealedBody, int attempts) {
    }

    /** Called after a commit that queued mail; several wake-ups in a row coalesce into one run. */
    void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                deliverDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${leadline.mail.relay-interval:5s}", initialDelayString = "${leadline.mail.relay-interval:5s}")
    void poll() {
        deliverDue();
    }

    /** Delivers every row that is due now; returns how many were sent. */
    int deliverDue() {
        int sent = 0;
        try {
            List<Claimed> batch;
            do {
                batch = claim(BATCH);
                for (Claimed mail : batch) {
                    sent += deliver(mail) ? 1 : 0;
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("Mail relay run stopped early: {}", e.toString());
        }
        return sent;
    }

    List<Claimed> claim(int limit) {
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
                        RETURNING m.id, m.recipient, m.subject, m.sealed_body, m.attempts""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("claim", claim)
                .param("leaseUntil", Timestamp.from(now.plus(policy.lease())))
                .query((rs, n) -> new Claimed(rs.getLong(1), claim, rs.getString(2), rs.getString(3),
                        rs.getBytes(4), rs.getInt(5)))
                .list());
    }

    private boolean deliver(Claimed mail) {
        try {
            transport.deliver(mail.id(), mail.recipient(), mail.subject(), seal.open(mail.sealedBody()));
        } catch (Exception e) {
            recordFailure(mail, e);
            return false;
        }
        int updated = jdbc.sql("""
                        UPDATE mail_outbox
                        SET status = 'sent', sent_at = :now, lease_until = NULL, last_error = NULL,
                            sealed_body = ''::bytea
                        WHERE id = :id AND claim_id = :claim""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", mail.id())
                .param("claim", mail.claim())
                .update();
        if (updated == 0) {
            log.warn("Outbox row {} was sent after its lease ran out and another relay claimed it", mail.id());
        }
        return true;
    }

    private void recordFailure(Claimed mail, Exception error) {
        boolean giveUp = mail.attempts() >= policy.maxAttempts();
        Instant next = clock.instant().plus(policy.backoffAfter(mail.attempts()));
        log.warn("Could not deliver outbox row {} (attempt {}): {}", mail.id(), mail.attempts(), error.toString());
        jdbc.sql("""
                        UPDATE mail_outbox
                        SET status = :status, next_attempt_at = :next, lease_until = NULL, last_error = :error
                        WHERE id = :id AND claim_id = :claim""")
                .param("status", giveUp ? "failed" : "pending")
                .param("next", Timestamp.from(next))
                .param("error", abbreviate(error.toString()))
                .param("id", mail.id())
                .param("claim", mail.claim())
                .update();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
    }

    /** Lease for a claimed row, retry back-off (doubling from the first delay up to the cap) and the give-up point. */
    record RelayPolicy(Duration lease, Duration firstRetry, Duration maxRetry, int maxAttempts) {

        Duration backoffAfter(int attempts) {
            Duration delay = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
            return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
        }
    }
}
