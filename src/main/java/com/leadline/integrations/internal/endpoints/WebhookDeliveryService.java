package com.leadline.integrations.internal.endpoints;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.integrations.internal.endpoints.WebhookDeliveryLog.Delivery;
import com.leadline.integrations.internal.endpoints.WebhookDeliveryLog.Sync;
import com.leadline.integrations.internal.endpoints.WebhookEndpointStore.Endpoint;
import com.leadline.integrations.internal.webhooks.WebhookOutbox;
import com.leadline.integrations.internal.webhooks.WebhookPayloads;
import com.leadline.platform.ConflictException;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What is sent to an endpoint, as its page shows it (PERMISSIONS.md row 20), one transaction each: the delivery
 * log a page at a time, Resend, Send test event and Sync now. Deliveries are only ever written through
 * {@link WebhookOutbox}, in the use case's transaction; the relay sends them.
 */
@Service
public class WebhookDeliveryService {

    public static final String TEST_EVENT = "webhook.test";
    static final int MAX_PAGE = 100;
    static final int DEFAULT_PAGE = 25;
    /** A sync not finished this long after it started is taken for one whose node stopped: another may start. */
    static final Duration SYNC_TAKEN_FOR_LOST = Duration.ofHours(1);

    /** A page of the log, newest first; {@code next}: the {@code before} of the following page (null on the last). */
    public record LogPage(List<Delivery> deliveries, Long next) {
    }

    private final WebhookAccess access;
    private final WebhookDeliveryLog log;
    private final WebhookOutbox outbox;
    private final WebhookPayloads payloads;
    private final WebhookSyncRunner syncs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebhookDeliveryService(WebhookAccess access, WebhookDeliveryLog log, WebhookOutbox outbox, WebhookPayloads payloads,
                           WebhookSyncRunner syncs, TransactionTemplate transactions, Clock clock) {
        this.access = access;
        this.log = log;
        this.outbox = outbox;
        this.payloads = payloads;
        this.syncs = syncs;
        this.transactions = transactions;
        this.clock = clock;
    }

    public LogPage deliveries(Actor actor, UUID endpointId, Long before, Integer limit) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        int size = limit == null ? DEFAULT_PAGE : Math.max(1, Math.min(MAX_PAGE, limit));
        return transactions.execute(status -> {
            access.visible(actor, endpointId);
            List<Delivery> rows = log.page(endpointId, before, size + 1);
            boolean more = rows.size() > size;
            List<Delivery> shown = more ? rows.subList(0, size) : rows;
            return new LogPage(List.copyOf(shown), more ? shown.get(shown.size() - 1).id() : null);
        });
    }

    /** A small {@code webhook.test} event, queued for this endpoint alone (it need not have chosen any event). */
    public long sendTest(Actor actor, UUID endpointId) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            Endpoint endpoint = access.visibleForUpdate(actor, endpointId);
            WebhookEndpointService.requireEnabled(endpoint, "send a test event");
            Instant now = clock.instant();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("endpointId", endpoint.id().toString());
            data.put("message", "A test event from Leadline. Your endpoint is reachable if you can read this.");
            String messageId = WebhookOutbox.newMessageId();
            long delivery = outbox.enqueueFor(actor.accountId(), endpoint.id(), messageId, TEST_EVENT, null,
                    payloads.body(TEST_EVENT, now, data), now);
            access.record(actor, AuditEntry.of("webhook.test_sent", Outcome.SUCCESS), endpoint, Map.of("message_id", messageId));
            return delivery;
        });
    }

    /**
     * The delivery again, as a new row of the log: same message id (the receiver can tell it already has it),
     * event, ordering key and body, sent (and signed) anew.
     */
    public long resend(Actor actor, UUID endpointId, long deliveryId) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            Endpoint endpoint = access.visibleForUpdate(actor, endpointId);
            WebhookDeliveryLog.Original original = log.original(endpointId, deliveryId).orElseThrow(NotFoundException::new);
            WebhookEndpointService.requireEnabled(endpoint, "resend a delivery");
            long copy = outbox.enqueueFor(actor.accountId(), endpointId, original.messageId(), original.eventType(),
                    original.orderingKey(), original.payload(), clock.instant());
            access.record(actor, AuditEntry.of("webhook.resent", Outcome.SUCCESS), endpoint,
                    Map.of("message_id", original.messageId(), "event", original.eventType(), "delivery", String.valueOf(deliveryId)));
            return copy;
        });
    }

    /**
     * Starts replaying {@code contact.updated} for every contact of the profiles the endpoint covers, in the
     * background after this transaction commits (a page of contacts per transaction), and answers at once.
     */
    public Sync startSync(Actor actor, UUID endpointId) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            Endpoint endpoint = access.visibleForUpdate(actor, endpointId);
            WebhookEndpointService.requireEnabled(endpoint, "sync its contacts");
            Instant now = clock.instant();
            Optional<Sync> latest = log.latestSync(endpointId);
            if (latest.isPresent() && latest.get().running() && latest.get().startedAt().plus(SYNC_TAKEN_FOR_LOST).isAfter(now)) {
                throw new ConflictException("A sync of this endpoint is already running. Wait for it to finish.");
            }
            UUID id = UUID.randomUUID();
            log.startSync(actor.accountId(), id, endpointId, actor.userId(), now);
            access.record(actor, AuditEntry.of("webhook.sync_started", Outcome.SUCCESS), endpoint, Map.of("sync", id.toString()));
            syncs.runAfterCommit(actor.accountId(), id);
            return log.latestSync(endpointId).orElseThrow();
        });
    }

    /** The endpoint's latest sync, if it had one. */
    public Optional<Sync> latestSync(Actor actor, UUID endpointId) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            access.visible(actor, endpointId);
            return log.latestSync(endpointId);
        });
    }
}
