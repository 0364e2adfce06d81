package com.leadline.integrations.internal.web;

import com.leadline.integrations.internal.endpoints.WebhookDeliveryLog;
import com.leadline.integrations.internal.endpoints.WebhookDeliveryService;
import com.leadline.integrations.internal.endpoints.WebhookEndpointService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API's shapes of endpoints, deliveries and syncs. */
final class WebhookJson {

    private WebhookJson() {
    }

    record Profile(UUID id, String name) {
    }

    record Delivery(long id, String messageId, String event, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
                    Instant finishedAt, Instant lastAttemptAt, Integer statusCode, Integer durationMs, String response, String error) {

        static Delivery of(WebhookDeliveryLog.Delivery row) {
            return new Delivery(row.id(), row.messageId(), row.eventType(), row.status(), row.attempts(), row.createdAt(),
                    row.status().equals("pending") ? row.nextAttemptAt() : null, row.finishedAt(), row.attemptedAt(), row.statusCode(),
                    row.durationMs(), row.response(), row.error());
        }
    }

    record Sync(UUID id, Instant startedAt, int queued, boolean finished, Instant finishedAt, String error) {

        static Sync of(WebhookDeliveryLog.Sync sync) {
            return sync == null ? null : new Sync(sync.id(), sync.startedAt(), sync.queued(), sync.finishedAt() != null, sync.finishedAt(),
                    sync.error());
        }
    }

    record Endpoint(UUID id, String url, String description, boolean allProfiles, List<Profile> profiles, List<String> events,
                    boolean enabled, Instant disabledAt, String disabledReason, Instant previousSecretValidUntil, Instant createdAt,
                    Delivery lastDelivery, Sync sync) {

        static Endpoint of(WebhookEndpointService.View view, WebhookDeliveryLog.Delivery last,
                           WebhookDeliveryLog.Sync sync) {
            return new Endpoint(view.id(), view.url(), view.description(), view.allProfiles(),
                    view.profiles().stream().map(profile -> new Profile(profile.id(), profile.name())).toList(), view.events(),
                    view.enabled(), view.disabledAt(), view.disabledReason(), view.previousSecretUntil(), view.createdAt(),
                    last == null ? null : Delivery.of(last), Sync.of(sync));
        }
    }

    record Listing(List<Endpoint> endpoints) {
    }

    /** The endpoint with its signing secret, answered once (after adding it, or rotating the secret). */
    record WithSecret(Endpoint endpoint, String secret, Instant previousSecretValidUntil) {

        static WithSecret of(WebhookEndpointService.WithSecret made) {
            return new WithSecret(Endpoint.of(made.endpoint(), null, null), made.secret(), made.previousValidUntil());
        }
    }

    record Queued(long deliveryId) {
    }

    record Log(List<Delivery> deliveries, String next) {

        static Log of(WebhookDeliveryService.LogPage page) {
            return new Log(page.deliveries().stream().map(Delivery::of).toList(), page.next() == null ? null : page.next().toString());
        }
    }
}
