package com.leadline.integrations.internal.endpoints;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.integrations.internal.endpoints.WebhookDeliveryLog.Delivery;
import com.leadline.integrations.internal.endpoints.WebhookEndpointStore.Endpoint;
import com.leadline.integrations.internal.webhooks.StandardWebhookSignature;
import com.leadline.integrations.internal.webhooks.WebhookEventType;
import com.leadline.platform.ConflictException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook endpoints' use cases (PERMISSIONS.md row 20), one transaction each, the permission checked first:
 * list, read, add, change, enable and disable, rotate the signing secret. The secret is answered once, by the
 * use case that makes it (add, rotate), and never read out again. docs/integrations.md says who sees what.
 */
@Service
public class WebhookEndpointService {

    /** An endpoint as the page and the API show it: never its secrets. */
    public record View(UUID id, String url, String description, boolean allProfiles, List<ProfileName> profiles, List<String> events,
                       boolean enabled, Instant disabledAt, String disabledReason, Instant previousSecretUntil, Instant createdAt) {
    }

    public record ProfileName(UUID id, String name) {
    }

    /** A listed endpoint with its latest delivery (null when it has none yet). */
    public record Listed(View endpoint, Delivery lastDelivery) {
    }

    /** A secret shown this once: after adding an endpoint, or rotating its secret ({@code previousValidUntil}: the old one's grace). */
    public record WithSecret(View endpoint, String secret, Instant previousValidUntil) {
    }

    /** What the form offers this actor: their profiles, "All profiles" for those who see every profile, and the events. */
    public record Choices(List<ProfileName> profiles, boolean allProfilesAllowed, List<String> events) {
    }

    private final WebhookEndpointStore endpoints;
    private final WebhookDeliveryLog log;
    private final WebhookAccess access;
    private final WebhookSettingsRules rules;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration rotationGrace;

    WebhookEndpointService(WebhookEndpointStore endpoints, WebhookDeliveryLog log, WebhookAccess access, WebhookSettingsRules rules,
                           TransactionTemplate transactions, Clock clock,
                           @Value("${leadline.webhooks.rotation-grace:24h}") Duration rotationGrace) {
        this.endpoints = endpoints;
        this.log = log;
        this.access = access;
        this.rules = rules;
        this.transactions = transactions;
        this.clock = clock;
        this.rotationGrace = rotationGrace;
    }

    /** The endpoints the actor sees, oldest first, each with its latest delivery. */
    public List<Listed> list(Actor actor) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            Map<UUID, String> names = access.profileNames();
            Map<UUID, Delivery> latest = log.latestOfEach();
            return endpoints.all().stream().filter(endpoint -> WebhookAccess.sees(actor, endpoint))
                    .map(endpoint -> new Listed(view(endpoint, names), latest.get(endpoint.id()))).toList();
        });
    }

    public Choices choices(Actor actor) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> rules.choices(actor));
    }

    public View get(Actor actor, UUID id) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> view(access.visible(actor, id), access.profileNames()));
    }

    /** Checked whole (every field's error at once) and saved, with a new secret shown this once. */
    public WithSecret create(Actor actor, WebhookForm form) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            WebhookEndpointStore.Settings settings = rules.check(actor, form);
            UUID id = UUID.randomUUID();
            String secret = StandardWebhookSignature.newSecret();
            endpoints.insert(actor.accountId(), id, settings, secret, actor.userId(), clock.instant());
            Endpoint endpoint = endpoints.find(id).orElseThrow();
            access.record(actor, AuditEntry.of("webhook.created", Outcome.SUCCESS), endpoint, describe(settings));
            return new WithSecret(view(endpoint, access.profileNames()), secret, null);
        });
    }

    public View edit(Actor actor, UUID id, WebhookForm form) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            access.visibleForUpdate(actor, id);
            WebhookEndpointStore.Settings settings = rules.check(actor, form);
            endpoints.update(id, settings);
            Endpoint endpoint = endpoints.find(id).orElseThrow();
            access.record(actor, AuditEntry.of("webhook.changed", Outcome.SUCCESS), endpoint, describe(settings));
            return view(endpoint, access.profileNames());
        });
    }

    /** On or off; a person's disabling names them as the reason. Asking for the state it is in changes nothing. */
    public View setEnabled(Actor actor, UUID id, boolean enabled) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            Endpoint endpoint = access.visibleForUpdate(actor, id);
            if (endpoint.enabled() != enabled) {
                endpoints.setEnabled(id, enabled, "Disabled by " + actor.name() + ".", clock.instant());
                access.record(actor, enabled ? AuditEntry.of("webhook.enabled", Outcome.SUCCESS)
                        : AuditEntry.of("webhook.disabled", Outcome.SUCCESS), endpoint, Map.of());
            }
            return view(endpoints.find(id).orElseThrow(), access.profileNames());
        });
    }

    /**
     * A new secret, shown this once; the one it replaces keeps signing deliveries beside it until the grace period
     * ends ({@code leadline.webhooks.rotation-grace}), so receivers can switch without losing events. A secret
     * older than that (from an earlier rotation) is dropped.
     */
    public WithSecret rotateSecret(Actor actor, UUID id) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            Endpoint endpoint = access.visibleForUpdate(actor, id);
            String secret = StandardWebhookSignature.newSecret();
            Instant until = clock.instant().plus(rotationGrace);
            endpoints.rotate(id, secret, endpoint.secret(), until);
            access.record(actor, AuditEntry.of("webhook.secret_rotated", Outcome.SUCCESS), endpoint,
                    Map.of("previous_secret_until", until.toString()));
            return new WithSecret(view(endpoints.find(id).orElseThrow(), access.profileNames()), secret, until);
        });
    }

    /** The endpoint must be enabled for work that queues deliveries to it (a disabled endpoint's queue waits). */
    static void requireEnabled(Endpoint endpoint, String what) {
        if (!endpoint.enabled()) {
            throw new ConflictException("This endpoint is disabled. Enable it first to " + what + ".");
        }
    }

    View view(Endpoint endpoint, Map<UUID, String> names) {
        List<ProfileName> profiles = endpoint.profileIds().stream()
                .map(id -> new ProfileName(id, names.getOrDefault(id, "A removed profile"))).toList();
        Instant graceEnds = endpoint.previousSecretUntil() != null && endpoint.previousSecretUntil().isAfter(clock.instant())
                ? endpoint.previousSecretUntil() : null;
        return new View(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.allProfiles(), profiles, endpoint.eventTypes(),
                endpoint.enabled(), endpoint.disabledAt(), endpoint.disabledReason(), graceEnds, endpoint.createdAt());
    }

    private static Map<String, String> describe(WebhookEndpointStore.Settings settings) {
        return Map.of("url", settings.url(), "events", String.join(",", settings.eventTypes()),
                "profiles", settings.allProfiles() ? "all" : String.valueOf(settings.profileIds().size()));
    }

    static List<String> eventNames() {
        return java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList();
    }
}
