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

    record WebhookProfile(UUID id, String name) {
    }

    record WebhookDelivery(long id, String messageId, String event, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
                    Instant finishedAt, Instant lastAttemptAt, Integer statusCode, Integer durationMs, String response, String error) {

        static WebhookDelivery of(WebhookDeliveryLog.Delivery row) {
            return new WebhookDelivery(row.id(), row.messageId(), row.eventType(), row.status(), row.attempts(), row.createdAt(),
                    row.status().equals("pending") ? row.nextAttemptAt() : null, row.finishedAt(), row.attemptedAt(), row.statusCode(),
                    row.durationMs(), row.response(), row.error());
        }
    }

    record WebhookSync(UUID id, Instant startedAt, int queued, boolean finished, Instant finishedAt, String error) {

        static WebhookSync of(WebhookDeliveryLog.Sync sync) {
            return sync == null ? null : new WebhookSync(sync.id(), sync.startedAt(), sync.queued(), sync.finishedAt() != null, sync.finishedAt(),
                    sync.error());
        }
    }

    record WebhookEndpoint(UUID id, String url, String description, boolean allProfiles, List<WebhookProfile> profiles, List<String> events,
                    boolean enabled, Instant disabledAt, String disabledReason, Instant previousSecretValidUntil, Instant createdAt,
                    WebhookDelivery lastDelivery, WebhookSync sync) {

        static WebhookEndpoint of(WebhookEndpointService.View view, WebhookDeliveryLog.Delivery last,
                           WebhookDeliveryLog.Sync sync) {
            return new WebhookEndpoint(view.id(), view.url(), view.description(), view.allProfiles(),
                    view.profiles().stream().map(profile -> new WebhookProfile(profile.id(), profile.name())).toList(), view.events(),
                    view.enabled(), view.disabledAt(), view.disabledReason(), view.previousSecretUntil(), view.createdAt(),
                    last == null ? null : WebhookDelivery.of(last), WebhookSync.of(sync));
        }
    }

    record WebhookListing(List<WebhookEndpoint> endpoints) {
    }

    /** The endpoint with its signing secret, answered once (after adding it, or rotating the secret). */
    record WebhookWithSecret(WebhookEndpoint endpoint, String secret, Instant previousSecretValidUntil) {

        static WebhookWithSecret of(WebhookEndpointService.WithSecret made) {
            return new WebhookWithSecret(WebhookEndpoint.of(made.endpoint(), null, null), made.secret(), made.previousValidUntil());
        }
    }

    record WebhookQueued(long deliveryId) {
    }

    record WebhookLog(List<WebhookDelivery> deliveries, String next) {

        static WebhookLog of(WebhookDeliveryService.LogPage page) {
            return new WebhookLog(page.deliveries().stream().map(WebhookDelivery::of).toList(), page.next() == null ? null : page.next().toString());
        }
    }
}
