package com.leadline.integrations.internal.endpoints;

import com.leadline.inbox.ContactDirectory;
import com.leadline.inbox.ContactFacts;
import com.leadline.integrations.internal.endpoints.WebhookDeliveryLog.Sync;
import com.leadline.integrations.internal.endpoints.WebhookEndpointStore.Endpoint;
import com.leadline.integrations.internal.webhooks.WebhookEventType;
import com.leadline.integrations.internal.webhooks.WebhookEvents;
import com.leadline.integrations.internal.webhooks.WebhookOutbox;
import com.leadline.integrations.internal.webhooks.WebhookPayloads;
import com.leadline.platform.CallerContext;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a "Sync now" in the background, as the system actor {@code webhook sync}: a page of contacts per
 * transaction (read through the inbox's {@link ContactDirectory}), one {@code contact.updated} delivery per
 * contact, the sync's cursor and count moved forward in the same transaction, so that the endpoint's page
 * shows the progress and a page is queued whole or not at all. A sync whose endpoint was disabled meanwhile
 * stops there, saying so.
 */
@Component
class WebhookSyncRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSyncRunner.class);

    private final WebhookDeliveryLog log;
    private final WebhookEndpointStore endpoints;
    private final ContactDirectory contacts;
    private final WebhookOutbox outbox;
    private final WebhookPayloads payloads;
    private final Tenancy tenancy;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final int pageSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-sync");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSyncRunner(WebhookDeliveryLog log, WebhookEndpointStore endpoints, ContactDirectory contacts, WebhookOutbox outbox,
                      WebhookPayloads payloads, Tenancy tenancy, PlatformTransactionManager transactionManager, Clock clock,
                      @Value("${leadline.webhooks.sync-page-size:500}") int pageSize) {
        this.log = log;
        this.endpoints = endpoints;
        this.contacts = contacts;
        this.outbox = outbox;
        this.payloads = payloads;
        this.tenancy = tenancy;
        this.ownTransaction = Transactions.ownTransaction(transactionManager);
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** Inside the transaction that records the sync: once it commits, run it (nothing if it rolls back). */
    void runAfterCommit(UUID accountId, UUID syncId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.execute(() -> CallerContext.runAsSystem("webhook sync", () -> run(accountId, syncId)));
            }
        });
    }

    private void run(UUID accountId, UUID syncId) {
        try {
            boolean more = true;
            while (more) {
                more = tenancy.inAccount(accountId, () -> ownTransaction.execute(status -> nextPage(accountId, syncId)));
            }
        } catch (RuntimeException failed) {
            LOG.error("Webhook sync {} of account {} stopped", syncId, accountId, failed);
            tenancy.inAccount(accountId, () -> ownTransaction.executeWithoutResult(status ->
                    log.finishSync(syncId, "Stopped by an error; start it again.", clock.instant())));
        }
    }

    /** One page: whether another follows. */
    private boolean nextPage(UUID accountId, UUID syncId) {
        Sync sync = log.sync(syncId).orElse(null);
        if (sync == null || !sync.running()) {
            return false;
        }
        Instant now = clock.instant();
        Endpoint endpoint = endpoints.find(sync.endpointId()).orElse(null);
        if (endpoint == null || !endpoint.enabled()) {
            log.finishSync(syncId, "Stopped: the endpoint was disabled.", now);
            return false;
        }
        List<ContactFacts> page = contacts.page(Set.copyOf(endpoint.profileIds()), endpoint.allProfiles(), sync.cursor(), pageSize);
        for (ContactFacts contact : page) {
            String body = payloads.body(WebhookEventType.CONTACT_UPDATED, now, WebhookEvents.contactUpdatedData(contact, null));
            outbox.enqueueFor(accountId, endpoint.id(), WebhookOutbox.newMessageId(),
                    WebhookEventType.CONTACT_UPDATED.wireName(), contact.id(), body, now);
        }
        if (!page.isEmpty()) {
            log.advanceSync(syncId, page.get(page.size() - 1).id(), page.size());
        }
        if (page.size() < pageSize) {
            log.finishSync(syncId, null, now);
            return false;
        }
        return true;
    }
}
