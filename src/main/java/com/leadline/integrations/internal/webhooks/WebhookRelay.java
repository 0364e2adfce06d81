package com.leadline.integrations.internal.webhooks;

import com.leadline.integrations.internal.webhooks.WebhookSender.Attempt;
import com.leadline.platform.OutboxRelay;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the webhook outbox ({@link OutboxRelay} holds the claiming, lease and back-off rules). The
 * relay works for no account: it claims the due heads of every endpoint's queues through the one
 * cross-account function ({@code integrations_claim_due_webhooks}, V54) in a transaction of its own,
 * then reads, sends and records each delivery in its own account, under row-level security.
 *
 * <p>At least once, in order per ordering key: a delivery is claimed only when no earlier one of its
 * endpoint and key is still open, so a failed head holds back the rest of its queue until it is
 * delivered or given up. Every attempt is recorded in {@code webhook_attempts}; a 2xx answer delivers.
 * Retries back off exponentially with jitter; after the last allowed attempt the delivery is failed.
 * An endpoint whose attempts have all failed for longer than {@code disableAfter} is disabled, and the
 * account's owner and admins are told by email ({@link WebhookEndpointHealth}).
 */
class WebhookRelay extends OutboxRelay<WebhookRelay.Claimed, Attempt> {

    /** Each wait is the policy's back-off times a random factor in [1 - JITTER, 1 + JITTER). */
    static final double JITTER = 0.2;

    private final WebhookDeliveryStore store;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransaction;
    private final Tenancy tenancy;
    private final WebhookSender sender;
    private final WebhookEndpointHealth health;
    private final int workerCount;
    private final ExecutorService workers;

    /** @param workerCount how many deliveries may be in flight at once on this node (threads sending in parallel) */
    WebhookRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, Tenancy tenancy, WebhookSender sender,
                 WebhookEndpointHealth health, Clock clock, Policy policy, int workerCount) {
        super("webhook", clock, policy);
        this.workerCount = Math.max(1, workerCount);
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = this.workerCount == 1 ? null : Executors.newFixedThreadPool(this.workerCount, runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.store = new WebhookDeliveryStore(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.ownTransaction = Transactions.ownTransaction(transactionManager);
        this.tenancy = tenancy;
        this.sender = sender;
        this.health = health;
    }

    /**
     * A claimed delivery; what it is sent to ({@code url}, the secrets to sign with) and what it sends
     * are read when the claim is found still held, right before sending.
     */
    record Claimed(long id, UUID claim, UUID accountId, int attempts, UUID endpointId, String url, List<String> secrets,
                   String messageId, String payload) implements OutboxRelay.Claimed {
    }

    /** An attempt that got no 2xx answer (or none at all): recorded as such, and retried. */
    static final class FailedAttempt extends Exception {

        private final transient Attempt attempt;

        FailedAttempt(Attempt attempt) {
            super(attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : attempt.error());
            this.attempt = attempt;
        }

        Attempt attempt() {
            return attempt;
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    @Scheduled(fixedDelayString = "${leadline.webhooks.relay-interval:5s}", initialDelayString = "${leadline.webhooks.relay-interval:5s}")
    void poll() {
        deliverDue();
    }

    /**
     * Until nothing more goes out, on {@code workers} threads at once, each claiming batches of its own
     * (as several nodes would: the claim takes only the head of each queue, so order per key holds).
     * Sending one delivery after another would leave the relay waiting on each receiver in turn. A
     * delivered head makes the next delivery of its queue due at once, which a later claim finds.
     */
    @Override
    public int deliverDue() {
        if (workers == null) {
            return drain();
        }
        int total = 0;
        int sent;
        do {
            sent = onWorkers();
            total += sent;
        } while (sent > 0);
        return total;
    }

    private int drain() {
        int total = 0;
        int sent;
        do {
            sent = super.deliverDue();
            total += sent;
        } while (sent > 0);
        return total;
    }

    private int onWorkers() {
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < workerCount; i++) {
                runs.add(workers.submit(this::drain));
            }
        } catch (RejectedExecutionException shuttingDown) {
            return 0;
        }
        int sent = 0;
        for (Future<Integer> run : runs) {
            try {
                sent += run.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            } catch (ExecutionException e) {
                // drain() logs and stops on its own failures; nothing else to do here.
            }
        }
        return sent;
    }

    @Override
    public void destroy() {
        if (workers != null) {
            workers.shutdownNow();
        }
        super.destroy();
    }

    @Override
    protected List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        return ownTransaction.execute(status -> store.claim(now, limit, UUID.randomUUID(), now.plus(policy.lease())));
    }

    /**
     * The claim still ours (another relay may have claimed the row after its lease ran out), its lease
     * starting again now, with the endpoint as it is now. A delivery whose endpoint was disabled meanwhile
     * goes back to the queue untouched (the claim's attempt uncounted) and is not sent.
     */
    @Override
    protected Optional<Claimed> stillHeld(Claimed row) {
        Instant now = clock.instant();
        return inAccountOf(row, () -> {
            store.relaxCommit();
            Optional<WebhookDeliveryStore.Held> held = store.lockIfHeld(row, now);
            if (held.isEmpty()) {
                return Optional.<Claimed>empty();
            }
            if (!held.get().enabled()) {
                store.release(row, now);
                return Optional.<Claimed>empty();
            }
            store.renewLease(row, now.plus(policy.lease()));
            return Optional.of(held.get().claimed());
        });
    }

    @Override
    protected Attempt send(Claimed row) throws FailedAttempt {
        Attempt attempt = sender.send(row.url(), row.secrets(), row.messageId(), row.payload());
        if (!attempt.succeeded()) {
            throw new FailedAttempt(attempt);
        }
        return attempt;
    }

    @Override
    protected Duration jittered(Duration backoff) {
        double factor = 1 - JITTER + 2 * JITTER * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(backoff.toMillis() * factor));
    }

    /** Delivered: the attempt on record, the delivery finished, the endpoint healthy again; false if the claim was lost meanwhile. */
    @Override
    protected boolean markSent(Claimed row, Attempt attempt) {
        return inAccountOf(row, () -> {
            store.relaxCommit();
            store.record(row, attempt);
            health.succeeded(row.accountId(), row.endpointId());
            return store.markDelivered(row, clock.instant());
        });
    }

    /** The attempt on record; the delivery due again after its back-off, or failed after the last attempt; the endpoint's health. */
    @Override
    protected void markFailed(Claimed row, Failure failure) {
        Attempt attempt = failure.cause() instanceof FailedAttempt failed ? failed.attempt()
                : new Attempt(clock.instant(), null, 0, "", failure.error());
        inAccountOf(row, () -> {
            store.record(row, attempt);
            store.markFailed(row, failure.giveUp(), failure.nextAttemptAt(), clock.instant());
            health.failed(row.accountId(), row.endpointId(), attempt);
            return 0;
        });
    }

    /** The account first, then the transaction: it starts in the account. */
    private <T> T inAccountOf(Claimed row, Supplier<T> work) {
        return tenancy.inAccount(row.accountId(), () -> transactions.execute(status -> work.get()));
    }
}
