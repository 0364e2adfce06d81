package com.leadline.integrations.internal.endpoints;

import com.leadline.accounts.Profiles;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditLog;
import com.leadline.integrations.internal.endpoints.WebhookEndpointStore.Endpoint;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who sees which endpoint (PERMISSIONS.md row 20, docs/integrations.md): whoever may configure integrations and
 * sees every profile the endpoint covers. The owner and partner admins see every endpoint; an admin, those that
 * cover only profiles they are a member of (never an "All profiles" one, which covers profiles to come). Any
 * other endpoint is, to them, as unknown as another account's: 404.
 */
@Component
class WebhookAccess {

    private final WebhookEndpointStore endpoints;
    private final Profiles profiles;
    private final AuditLog audit;

    WebhookAccess(WebhookEndpointStore endpoints, Profiles profiles, AuditLog audit) {
        this.endpoints = endpoints;
        this.profiles = profiles;
        this.audit = audit;
    }

    static boolean sees(Actor actor, Endpoint endpoint) {
        if (actor.seesEveryProfile()) {
            return true;
        }
        return !endpoint.allProfiles() && actor.profileIds().containsAll(endpoint.profileIds());
    }

    /** The endpoint, locked, if the actor sees it; the caller checked the permission first. */
    Endpoint visibleForUpdate(Actor actor, UUID id) {
        return endpoints.findForUpdate(id).filter(endpoint -> sees(actor, endpoint)).orElseThrow(NotFoundException::new);
    }

    Endpoint visible(Actor actor, UUID id) {
        return endpoints.find(id).filter(endpoint -> sees(actor, endpoint)).orElseThrow(NotFoundException::new);
    }

    /** The profiles' names by id, archived ones included. */
    Map<UUID, String> profileNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        profiles.everyProfile().forEach(profile -> names.put(profile.id(), profile.settings().name()));
        return names;
    }

    /** An entry about the endpoint, in the settings group; about its profile when it covers exactly one. */
    void record(Actor actor, AuditEntry entry, Endpoint endpoint, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.putIfAbsent("url", endpoint.url());
        AuditEntry about = entry.inAccount(actor.accountId()).by(actor.userId()).on("webhook_endpoint", endpoint.id()).with(all);
        boolean oneProfile = !endpoint.allProfiles() && endpoint.profileIds().size() == 1;
        audit.record(oneProfile ? about.aboutProfile(endpoint.profileIds().get(0)) : about);
    }
}
