package com.leadline.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The delivering half of an outbox (mail, texts): the use case writes a row in its own transaction;
 * a relay sends it after commit and on an interval. A subclass knows its table and where rows go;
 * this class holds what every outbox does the same way.
 *
 * <p>Rows are claimed in batches, each batch in its own short transaction that the subclass commits
 * before anything is sent ({@code FOR UPDATE SKIP LOCKED}, so nodes never claim the same row), with
 * a lease: a row whose lease ran out (its node crashed mid-send) is claimed again. Only the holder
 * of a claim may mark the row sent or failed. A failed send waits for its back-off, and after the
 * last allowed attempt the row is given up.
 *
 * @param <R> a claimed row
 * @param <S> what the destination answers when it takes a row (a provider's id), recorded with it
 */
public abstract class OutboxRelay<R extends OutboxRelay.Claimed, S> implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 20;
    private static final int MAX_ERROR = 500;

    /** What the relay needs of a claimed row. */
    public interface Claimed {

        long id();

        /** Attempts so far, this one included. */
        int attempts();
    }

    /** Lease for a claimed row, retry back-off (doubling from the first delay up to the cap) and the give-up point. */
    public record Policy(Duration lease, Duration firstRetry, Duration maxRetry, int maxAttempts) {

        public Duration backoffAfter(int attempts) {
            Duration delay = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
            return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
        }
    }

    /**
     * How a failed attempt is recorded: given up for good (the last attempt, or a refusal that
     * {@link #isPermanent} recognises), or due again at {@code nextAttemptAt}.
     */
    public record Failure(boolean giveUp, Instant nextAttemptAt, String error, Exception cause) {
    }

    private final String name;
    protected final Clock clock;
    protected final Policy policy;
    private final ExecutorService wakeUps;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    /** @param name names the wake-up thread and the log lines, e.g. {@code mail} */
    protected OutboxRelay(String name, Clock clock, Policy policy) {
        this.name = name;
        this.clock = clock;
        this.policy = policy;
        this.wakeUps = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-relay");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Inside the transaction that queues rows: once it commits, deliver them (nothing happens if it
     * rolls back). Several wake-ups in a row coalesce into one run on the relay's own thread.
     */
    public void wakeUpAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp();
            }
        });
    }

    private void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                deliverDue();
            });
        }
    }

    /** Delivers every row that is due now, as the relay's system actor ({@code mail relay}); returns how many were sent. */
    public int deliverDue() {
        return CallerContext.callAsSystem(name + " relay", this::deliverDueRows);
    }

    private int deliverDueRows() {
        int sent = 0;
        try {
            List<R> batch;
            do {
                batch = claim(BATCH);
                for (R row : batch) {
                    sent += deliver(row) ? 1 : 0;
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("The {} relay stopped early: {}", name, e.toString());
        }
        return sent;
    }

    private boolean deliver(R claimed) {
        R row = stillHeld(claimed).orElse(null);
        if (row == null) {
            log.info("The {} outbox row {} was claimed again by another relay while this one worked on its batch: skipped", name, claimed.id());
            return false;
        }
        S receipt;
        try {
            receipt = send(row);
        } catch (Exception e) {
            boolean giveUp = isPermanent(e) || row.attempts() >= policy.maxAttempts();
            log.warn("Could not deliver {} outbox row {} (attempt {}{}): {}", name, row.id(), row.attempts(),
                    giveUp ? ", giving up" : "", e.toString());
            String error = e.toString();
            markFailed(row, new Failure(giveUp, clock.instant().plus(jittered(policy.backoffAfter(row.attempts()))),
                    error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR), e));
            return false;
        }
        if (!markSent(row, receipt)) {
            log.warn("The {} outbox row {} was sent after its lease ran out and another relay claimed it", name, row.id());
        }
        return true;
    }

    /**
     * Claims up to {@code limit} due rows (pending and due, or in flight with an expired lease) in a
     * transaction of its own, committed before returning: set a new claim id, a lease until now plus
     * the policy's lease, and count the attempt.
     */
    protected abstract List<R> claim(int limit);

    /**
     * Right before the row is handed over: the row, if this relay still holds its claim, renewing the
     * lease (and reading again what may have changed since the claim, for a subclass that needs it);
     * empty if another relay claimed it. A batch can outlast the lease its claim began with (a slow
     * destination), and another relay then claims the rest of it; without this check both would send
     * them. By default every claim is taken as held.
     */
    protected Optional<R> stillHeld(R row) {
        return Optional.of(row);
    }

    /** Hands the row to its destination and returns its answer; an exception counts as a failed attempt. */
    protected abstract S send(R row) throws Exception;

    /**
     * The wait before the next attempt, from the policy's back-off: a subclass whose destinations are
     * many independent servers spreads retries (jitter), so that rows failed together do not all come
     * back at once. Unchanged by default (mail and texts).
     */
    protected Duration jittered(Duration backoff) {
        return backoff;
    }

    /** A failure that another attempt would meet again: the row is given up at once. None by default. */
    protected boolean isPermanent(Exception failure) {
        return false;
    }

    /** Marks the row sent, with the destination's answer, if this relay still holds its claim; false if it did not. */
    protected abstract boolean markSent(R row, S receipt);

    /** Records the failure if this relay still holds the row's claim. */
    protected abstract void markFailed(R row, Failure failure);

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
    }
}
