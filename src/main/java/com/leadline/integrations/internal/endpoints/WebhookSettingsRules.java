package com.leadline.integrations.internal.endpoints;

import com.leadline.accounts.Profiles;
import com.leadline.integrations.internal.endpoints.WebhookEndpointService.Choices;
import com.leadline.integrations.internal.endpoints.WebhookEndpointService.ProfileName;
import com.leadline.integrations.internal.webhooks.WebhookDestinations;
import com.leadline.integrations.internal.webhooks.WebhookEventType;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An endpoint's settings rules: the URL by the destination rule (server-side request forgery) at every save;
 * a one-line description of up to 200 characters; at least one profile, each one the actor works in (so that a
 * webhook never carries leads its maker could not see), or "All profiles" for those who see every profile
 * (the owner, partner admins); at least one known event.
 */
@Component
class WebhookSettingsRules {

    static final int MAX_DESCRIPTION = 200;

    private final WebhookDestinations destinations;
    private final Profiles profiles;

    WebhookSettingsRules(WebhookDestinations destinations, Profiles profiles) {
        this.destinations = destinations;
        this.profiles = profiles;
    }

    Choices choices(Actor actor) {
        List<ProfileName> mine = profiles.all().stream().filter(profile -> actor.canManageProfile(profile.id()))
                .map(profile -> new ProfileName(profile.id(), profile.name())).toList();
        return new Choices(mine, actor.seesEveryProfile(), WebhookEndpointService.eventNames());
    }

    /** The settings to store, or every field's error at once. */
    WebhookEndpointStore.Settings check(Actor actor, WebhookForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String url = null;
        try {
            url = destinations.checkAtSave(form.url()).toString();
        } catch (InvalidInputException refused) {
            errors.putAll(refused.fieldErrors());
        }
        String description = form.description() == null ? "" : form.description().strip();
        if (description.contains("\n") || description.contains("\r")) {
            errors.put("description", "Keep the description to one line.");
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.put("description", "Keep the description to " + MAX_DESCRIPTION + " characters (it has " + description.length() + ").");
        }
        List<UUID> profileIds = profileIds(actor, form, errors);
        List<String> events = events(form, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new WebhookEndpointStore.Settings(url, description, form.allProfiles(), profileIds, events);
    }

    private List<UUID> profileIds(Actor actor, WebhookForm form, Map<String, String> errors) {
        if (form.allProfiles()) {
            if (!actor.seesEveryProfile()) {
                errors.put("profileIds", "Only the owner and Admin-level partners can choose All profiles. Choose your profiles instead.");
            }
            return List.of();
        }
        Set<UUID> allowed = new LinkedHashSet<>();
        choices(actor).profiles().forEach(profile -> allowed.add(profile.id()));
        List<UUID> chosen = new ArrayList<>();
        for (String typed : new LinkedHashSet<>(form.profileIds())) {
            UUID id = parse(typed);
            if (id == null || !allowed.contains(id)) {
                errors.put("profileIds", "Choose among the profiles you work in.");
                return List.of();
            }
            chosen.add(id);
        }
        if (chosen.isEmpty()) {
            errors.put("profileIds", actor.seesEveryProfile() ? "Choose at least one profile, or All profiles."
                    : "Choose at least one profile.");
        }
        return chosen;
    }

    private static List<String> events(WebhookForm form, Map<String, String> errors) {
        List<String> events = new ArrayList<>();
        for (String typed : new LinkedHashSet<>(form.events())) {
            if (WebhookEventType.ofWireName(typed).isEmpty()) {
                errors.put("events", "There is no event called \"" + (typed.length() > 40 ? typed.substring(0, 40) + "…" : typed)
                        + "\". Choose among " + String.join(", ", WebhookEndpointService.eventNames()) + ".");
                return List.of();
            }
            events.add(typed);
        }
        if (events.isEmpty()) {
            errors.put("events", "Choose at least one event.");
        }
        return events;
    }

    private static UUID parse(String typed) {
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
