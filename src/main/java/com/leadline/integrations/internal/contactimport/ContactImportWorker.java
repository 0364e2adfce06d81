package com.leadline.integrations.internal.contactimport;

import com.leadline.accounts.Profiles;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditLog;
import com.leadline.inbox.ContactImports;
import com.leadline.inbox.ContactImports.ImportedContact;
import com.leadline.integrations.internal.contactimport.ContactImportStore.Counts;
import com.leadline.integrations.internal.contactimport.ContactImportStore.Import;
import com.leadline.platform.CallerContext;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports started contact files in the background, as the system actor {@value #ACTOR}, in the import's
 * account: a batch of rows per transaction ({@code leadline.contacts-import.batch-size}), each recording how far
 * the file is done. A worker claims an import with a lease ({@code leadline.contacts-import.lease}) that each
 * batch renews, as the outbox relays do: when a node stops mid-import the lease runs out and the next poll, on
 * any node, resumes after the last committed batch. It runs on its own thread when an import starts, and every
 * {@code leadline.contacts-import.poll-interval}.
 */
@Component
class ContactImportWorker implements DisposableBean {

    static final String ACTOR = "contacts import";
    private static final Logger log = LoggerFactory.getLogger(ContactImportWorker.class);

    private final ContactImportStore store;
    private final ContactImports contacts;
    private final Profiles profiles;
    private final AuditLog audit;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "contacts-import");
        worker.setDaemon(true);
        return worker;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean stopping;

    ContactImportWorker(ContactImportStore store, ContactImports contacts, Profiles profiles, AuditLog audit, Tenancy tenancy,
                        PlatformTransactionManager transactionManager, Clock clock,
                        @Value("${leadline.contacts-import.lease}") Duration lease,
                        @Value("${leadline.contacts-import.batch-size}") int batchSize) {
        this.store = store;
        this.contacts = contacts;
        this.profiles = profiles;
        this.audit = audit;
        this.tenancy = tenancy;
        this.transactions = Transactions.ownTransaction(transactionManager);
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** Inside the transaction that starts an import: once it commits, work on the worker's thread. */
    void wakeUpAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp();
            }
        });
    }

    /** Works due imports on the worker's thread (several wake-ups coalesce). */
    void wakeUp() {
        if (!stopping && wakeUpPending.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakeUpPending.set(false);
                runDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${leadline.contacts-import.poll-interval}", initialDelayString = "${leadline.contacts-import.poll-interval}")
    void poll() {
        wakeUp();
    }

    /** Works every import that is due now to its end (or until another worker takes it); how many it finished. */
    int runDue() {
        return CallerContext.callAsSystem(ACTOR, () -> {
            int finished = 0;
            try {
                List<ContactImportStore.Due> due;
                do {
                    due = Transactions.readOnly(transactions.getTransactionManager()).execute(status -> store.due(clock.instant(), 10));
                    for (ContactImportStore.Due one : due) {
                        finished += tenancy.inAccount(one.accountId(), () -> work(one.accountId(), one.id())) ? 1 : 0;
                    }
                } while (!due.isEmpty() && !stopping);
            } catch (RuntimeException e) {
                log.warn("The contacts import worker stopped early, trying again at the next poll: {}", e.toString());
            }
            return finished;
        });
    }

    /** One import, from the record after its last committed batch to its end; false when another worker holds it. */
    private boolean work(UUID accountId, UUID importId) {
        UUID claim = UUID.randomUUID();
        record Claimed(Import job, String content, String country) {
        }
        Claimed claimed = transactions.execute(status -> store.claim(importId, claim, clock.instant(), clock.instant().plus(lease))
                .map(job -> new Claimed(job, store.content(importId),
                        profiles.find(job.profileId()).orElseThrow().texting().country()))
                .orElse(null));
        if (claimed == null) {
            return false;
        }
        Import job = claimed.job();
        log.info("Importing contacts file {} from record {}", importId, job.nextRecord());
        RowCheck check = new RowCheck(job.mapping(), claimed.country());
        Batch batch = new Batch(accountId, job, claim);
        try {
            ContactFile.each(claimed.content(), header -> { }, row -> {
                int record = row.number() - 1;
                if (row.blank()) {
                    batch.skip(record);
                    return;
                }
                RowCheck.Checked checked = check.check(row);
                if (record <= job.nextRecord()) {
                    // Committed by an earlier batch: checked again only to know the numbers the file gave before.
                    return;
                }
                batch.add(record, checked);
                if (batch.size() >= batchSize) {
                    batch.commit();
                }
            }, Integer.MAX_VALUE);
            batch.commit();
            return batch.finish();
        } catch (ClaimLost lost) {
            log.info("Contacts import {} was taken by another worker (or the node is stopping): left to it", importId);
            return false;
        }
    }

    /** The rows read since the last commit. */
    private final class Batch {

        private final UUID accountId;
        private final Import job;
        private final UUID claim;
        private final List<ImportedContact> rows = new ArrayList<>();
        private final List<RowCheck.Problem> problems = new ArrayList<>();
        private int lastRecord;
        private Counts total;

        Batch(UUID accountId, Import job, UUID claim) {
            this.accountId = accountId;
            this.job = job;
            this.claim = claim;
            this.lastRecord = job.nextRecord();
            this.total = job.counts();
        }

        int size() {
            return rows.size() + problems.size();
        }

        void skip(int record) {
            lastRecord = Math.max(lastRecord, record);
        }

        void add(int record, RowCheck.Checked checked) {
            lastRecord = record;
            if (checked.problem() != null) {
                problems.add(checked.problem());
            } else {
                rows.add(checked.contact());
            }
        }

        void commit() {
            if (stopping) {
                throw new ClaimLost();
            }
            if (size() == 0) {
                return;
            }
            Counts counts = transactions.execute(status -> {
                ContactImports.Written written = contacts.upsert(accountId, job.profileId(), rows, clock.instant());
                store.addProblems(accountId, job.id(), problems);
                Counts done = new Counts(size(), written.created(), written.updated(), written.unchanged(), problems.size());
                if (!store.advance(job.id(), claim, lastRecord, done, clock.instant().plus(lease))) {
                    status.setRollbackOnly();
                    return null;
                }
                return done;
            });
            if (counts == null) {
                throw new ClaimLost();
            }
            total = total.plus(counts);
            rows.clear();
            problems.clear();
        }

        boolean finish() {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (!store.advance(job.id(), claim, lastRecord, new Counts(0, 0, 0, 0, 0), clock.instant().plus(lease))) {
                    return false;
                }
                store.finish(job.id(), clock.instant());
                audit.record(AuditEntry.of("contact_import.finished", AuditEntry.Outcome.SUCCESS).inAccount(accountId)
                        .by(job.startedBy()).on("contact_import", job.id()).aboutProfile(job.profileId())
                        .with(Map.of("rows", Integer.toString(total.processed()), "created", Integer.toString(total.created()),
                                "updated", Integer.toString(total.updated()), "unchanged", Integer.toString(total.unchanged()),
                                "failed", Integer.toString(total.failed()))));
                log.info("Imported contacts file {}: {}", job.id(), total);
                return true;
            }));
        }
    }

    /** This worker no longer holds the import: what it read since its last commit is dropped. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        thread.shutdownNow();
    }
}
