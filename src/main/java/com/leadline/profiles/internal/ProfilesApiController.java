package com.leadline.profiles.internal;

import com.leadline.accounts.Profiles;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Profiles", description = "The account's profiles (locations or departments): settings, texting, auto replies, plan and archiving.")
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

    record PlanChange(@Schema(allowableValues = {"pro", "premium"}) String plan) {
    }

    private final ProfileService profiles;
    private final ProfileTextingService texting;
    private final ProfileAutoRepliesService autoReplies;

    ProfilesApiController(ProfileService profiles, ProfileTextingService texting, ProfileAutoRepliesService autoReplies) {
        this.profiles = profiles;
        this.texting = texting;
        this.autoReplies = autoReplies;
    }

    @Operation(summary = "List profiles",
            description = "The profiles the caller sees; archived ones too (archivedAt set) for those who see every profile.")
    @GetMapping
    List<ProfileJson> list(Actor actor) {
        return profiles.list(actor).stream().map(row -> json(row.profile(), row.users())).toList();
    }

    @Operation(summary = "Add a profile",
            description = "Adds a profile with its hours; the caller becomes its member.")
    @ApiResponse(responseCode = "201", description = "Added: the profile, whose address is in Location.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileJson.class)))
    @PostMapping
    ResponseEntity<ProfileJson> create(Actor actor, @RequestBody ProfileService.ProfileForm body) {
        Profiles.Profile created = profiles.create(actor, body);
        return ResponseEntity.created(URI.create("/api/v1/profiles/" + created.id())).body(json(created, null));
    }

    @Operation(summary = "Read a profile",
            description = "One profile the caller sees.")
    @GetMapping("/{id}")
    ProfileJson get(Actor actor, @PathVariable UUID id) {
        return json(profiles.get(actor, id), null);
    }

    @Operation(summary = "Edit a profile",
            description = "Name, button name, Leadbox visibility, timezone and business hours; answers the stored profile.")
    @PutMapping("/{id}")
    ProfileJson update(Actor actor, @PathVariable UUID id, @RequestBody ProfileService.ProfileForm body) {
        profiles.update(actor, id, body);
        return json(profiles.get(actor, id), null);
    }

    @Operation(summary = "Change a profile's plan",
            description = "pro or premium; the owner only.")
    @PutMapping("/{id}/plan")
    ProfileJson plan(Actor actor, @PathVariable UUID id, @RequestBody PlanChange body) {
        profiles.changePlan(actor, id, body.plan());
        return json(profiles.get(actor, id), null);
    }

    @Operation(summary = "Set a profile's texting",
            description = "Country, sending number (read in that country unless international; empty removes it) and the answer "
                    + "to HELP. numberCheck says whether the SMS provider account holds a new number (held), or that no "
                    + "provider is configured (no_provider). 409 when the provider cannot be reached.")
    @PutMapping("/{id}/texting")
    TextingJson texting(Actor actor, @PathVariable UUID id, @RequestBody ProfileTextingService.TextingForm body) {
        ProfileTextingService.Saved saved = texting.change(actor, id, body);
        Profiles.Texting stored = saved.profile().texting();
        return new TextingJson(stored.country(), stored.phoneNumber(), stored.helpText(),
                saved.numberCheck() == null ? null : saved.numberCheck().name().toLowerCase(Locale.ROOT));
    }

    @Operation(summary = "Read a profile's auto replies",
            description = "The new-lead and after-hours replies, each with its switch; both off with empty texts until set.")
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

    @Operation(summary = "Set a profile's auto replies",
            description = "Both switches (newLeadEnabled, afterHoursEnabled) must be given, true or false; each text up to 480 "
                    + "characters, required while its reply is on; the placeholders {first_name} and {button_name} only.")
    @PutMapping("/{id}/auto-replies")
    ProfileAutoRepliesService.AutoRepliesForm autoReplies(Actor actor, @PathVariable UUID id, @RequestBody AutoRepliesJson body) {
        return ProfileAutoRepliesService.AutoRepliesForm.of(autoReplies.change(actor, id, body.form()));
    }

    @Operation(summary = "Archive a profile",
            description = "The profile leaves use; 409 for the last profile in use.")
    @ApiResponse(responseCode = "204", description = "Archived.")
    @PostMapping("/{id}/archive")
    ResponseEntity<Void> archive(Actor actor, @PathVariable UUID id) {
        profiles.archive(actor, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Restore a profile",
            description = "An archived profile is back in use (those who still see archived profiles: the owner and partner "
                    + "admins).")
    @ApiResponse(responseCode = "204", description = "Restored.")
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
