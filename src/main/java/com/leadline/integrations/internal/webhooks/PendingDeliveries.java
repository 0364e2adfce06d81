package com.leadline.integrations.internal.webhooks;

import com.leadline.platform.CallerContext;
import com.leadline.platform.Tenancy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The events of one transaction (a synchronization is suspended with its transaction, so an inner new
 * transaction keeps its own), written just before it commits: still inside it, so a rollback writes
 * nothing, and while it still holds the locks its changes took, so the deliveries of one conversation are
 * numbered in the order its changes commit. One statement per account (in practice, per transaction),
 * however many events: a new lead's three cost one.
 */
final class PendingDeliveries implements TransactionSynchronization {

    private final WebhookOutbox outbox;
    private final Tenancy tenancy;
    private final String actor;
    private final int batchSize;
    private final List<Map.Entry<UUID, WebhookOutbox.Queued>> events = new ArrayList<>();

    PendingDeliveries(WebhookOutbox outbox, Tenancy tenancy, String actor, int batchSize) {
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.actor = actor;
        this.batchSize = batchSize;
    }

    void add(UUID accountId, WebhookOutbox.Queued event) {
        events.add(Map.entry(accountId, event));
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        int from = 0;
        while (from < events.size()) {
            UUID account = events.get(from).getKey();
            int to = from;
            while (to < events.size() && events.get(to).getKey().equals(account) && to - from < batchSize) {
                to++;
            }
            List<WebhookOutbox.Queued> batch = events.subList(from, to).stream().map(Map.Entry::getValue).toList();
            CallerContext.runAsSystem(actor, () -> tenancy.inAccount(account, () -> outbox.enqueueAll(account, batch)));
            from = to;
        }
        events.clear();
    }
}
