package com.leadline.profiles.internal;

import com.leadline.accounts.Profiles;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Profiles page's operations as JSON under /api/v1/profiles: same use cases, same rules, problem details. */
@RestController
@RequestMapping("/api/v1/profiles")
class ProfilesApiController {

    record ProfileJson(UUID id, String name, String buttonName, boolean showInLeadbox, String timezone, String plan,
                       Map<String, ProfileService.HoursForm> hours, Instant archivedAt, Integer users,
                       String country, String phoneNumber, String helpText) {
    }

    /** {@code numberCheck}: "held" or "no_provider" for a new number, null when no number was checked (kept or removed). */
    record TextingJson(String country, String phoneNumber, String helpText, String numberCheck) {
    }

    record PlanChange(String plan) {
    }

    private final ProfileService profiles;
    private final ProfileTextingService texting;
    private final ProfileAutoRepliesService autoReplies;

    ProfilesApiController(ProfileService profiles, ProfileTextingService texting, ProfileAutoRepliesService autoReplies) {
        this.profiles = profiles;
        this.texting = texting;
        this.autoReplies = autoReplies;
    }

    @GetMapping
    List<ProfileJson> list(Actor actor) {
        return profiles.list(actor).stream().map(row -> json(row.profile(), row.users())).toList();
    }

    @PostMapping
    ResponseEntity<ProfileJson> create(Actor actor, @RequestBody ProfileService.ProfileForm body) {
        Profiles.Profile created = profiles.create(actor, body);
        return ResponseEntity.created(URI.create("/api/v1/profiles/" + created.id())).body(json(created, null));
    }

    @GetMapping("/{id}")
    ProfileJson get(Actor actor, @PathVariable UUID id) {
        return json(profiles.get(actor, id), null);
    }

    @PutMapping("/{id}")
    ProfileJson update(Actor actor, @PathVariable UUID id, @RequestBody ProfileService.ProfileForm body) {
        profiles.update(actor, id, body);
        return json(profiles.get(actor, id), null);
    }

    @PutMapping("/{id}/plan")
    ProfileJson plan(Actor actor, @PathVariable UUID id, @RequestBody PlanChange body) {
        profiles.changePlan(actor, id, body.plan());
        return json(profiles.get(actor, id), null);
    }

    @PutMapping("/{id}/texting")
    TextingJson texting(Actor actor, @PathVariable UUID id, @RequestBody ProfileTextingService.TextingForm body) {
        ProfileTextingService.Saved saved = texting.change(actor, id, body);
        Profiles.Texting stored = saved.profile().texting();
        return new TextingJson(stored.country(), stored.phoneNumber(), stored.helpText(),
                saved.numberCheck() == null ? null : saved.numberCheck().name().toLowerCase(Locale.ROOT));
    }

    @GetMapping("/{id}/auto-replies")
    ProfileAutoRepliesService.AutoRepliesForm autoReplies(Actor actor, @PathVariable UUID id) {
        return ProfileAutoRepliesService.AutoRepliesForm.of(autoReplies.get(actor, id));
    }

    /** The auto replies' PUT: both switches must be given (a left-out one would otherwise turn that reply off). */
    record AutoRepliesJson(Boolean newLeadEnabled, String newLeadText, Boolean afterHoursEnabled, String afterHoursText) {

        ProfileAutoRepliesService.AutoRepliesForm form() {
            Map<String, Boolean> switches = new LinkedHashMap<>();
            switches.put("newLeadEnabled", newLeadEnabled);
            switches.put("afterHoursEnabled", afterHoursEnabled);
            InvalidInputException.requireSwitches(switches);
            return new ProfileAutoRepliesService.AutoRepliesForm(newLeadEnabled, newLeadText, afterHoursEnabled, afterHoursText);
        }
    }

    @PutMapping("/{id}/auto-replies")
    ProfileAutoRepliesService.AutoRepliesForm autoReplies(Actor actor, @PathVariable UUID id, @RequestBody AutoRepliesJson body) {
        return ProfileAutoRepliesService.AutoRepliesForm.of(autoReplies.change(actor, id, body.form()));
    }

    @PostMapping("/{id}/archive")
    ResponseEntity<Void> archive(Actor actor, @PathVariable UUID id) {
        profiles.archive(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    ResponseEntity<Void> restore(Actor actor, @PathVariable UUID id) {
        profiles.restore(actor, id);
        return ResponseEntity.noContent().build();
    }

    private static ProfileJson json(Profiles.Profile profile, Integer users) {
        Map<String, ProfileService.HoursForm> hours = new TreeMap<>();
        profile.settings().hours().forEach((day, open) -> hours.put(day.name(),
                new ProfileService.HoursForm(open.opens().toString(), open.closes().toString())));
        return new ProfileJson(profile.id(), profile.settings().name(), profile.settings().buttonName(),
                profile.settings().showInLeadbox(), profile.settings().timezone(), profile.plan().code(), hours,
                profile.archivedAt(), users, profile.texting().country(), profile.texting().phoneNumber(),
                profile.texting().helpText());
    }
}
