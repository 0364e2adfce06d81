package com.leadline.leadbox.internal;

import com.leadline.leadbox.internal.LeadboxSettingsService.Choice;
import com.leadline.leadbox.internal.LeadboxSettingsService.MultiProfileForm;
import com.leadline.leadbox.internal.LeadboxSettingsService.SettingsForm;
import com.leadline.leadbox.internal.LeadboxSettingsService.View;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The Leadbox page's operations as JSON under /api/v1 (docs/api.md): same use cases, same rules, problem details. */
@Tag(name = "Leadbox", description = "The chat widget's settings and embed codes: each profile's Leadbox and the account's multi-profile one.")
@RestController
class LeadboxApiController {

    /** {@code profileId} null: the multi-profile Leadbox, whose {@code profiles} are in the order it offers them. */
    record LeadboxJson(UUID id, UUID profileId, String profileName, String embedCode, boolean enabled, String buttonText,
                       String colour, String greeting, boolean offersText, boolean offersCall, String consent,
                       List<String> allowedOrigins, boolean editable, List<Choice> profiles) {
    }

    /**
     * A profile's Leadbox's PUT. The three switches must be given: JSON without one would otherwise read
     * as false, and a client that left out {@code enabled} would turn the Leadbox off.
     */
    record SettingsJson(Boolean enabled, String buttonText, String colour, String greeting, Boolean offersText,
                        Boolean offersCall, String consent, List<String> allowedOrigins) {

        SettingsForm form() {
            Map<String, Boolean> switches = new LinkedHashMap<>();
            switches.put("enabled", enabled);
            switches.put("offersText", offersText);
            switches.put("offersCall", offersCall);
            InvalidInputException.requireSwitches(switches);
            return new SettingsForm(enabled, buttonText, colour, greeting, offersText, offersCall, consent, allowedOrigins);
        }
    }

    /** The multi-profile Leadbox's PUT: the settings (as a profile's), and optionally the profiles' order and the ones shown. */
    record MultiProfileJson(Boolean enabled, String buttonText, String colour, String greeting, Boolean offersText,
                            Boolean offersCall, String consent, List<String> allowedOrigins, List<UUID> profileOrder,
                            Set<UUID> shownProfileIds) {

        SettingsForm form() {
            return new SettingsJson(enabled, buttonText, colour, greeting, offersText, offersCall, consent, allowedOrigins).form();
        }
    }

    private final LeadboxSettingsService leadboxes;

    LeadboxApiController(LeadboxSettingsService leadboxes) {
        this.leadboxes = leadboxes;
    }

    @Operation(summary = "List Leadboxes",
            description = "The Leadboxes the caller sees, each with its embed code: the caller's profiles' (in use), then the "
                    + "multi-profile one for those who see every profile.")
    @GetMapping("/api/v1/leadboxes")
    List<LeadboxJson> list(Actor actor) {
        return leadboxes.list(actor).stream().map(LeadboxApiController::json).toList();
    }

    @Operation(summary = "Read a profile's Leadbox",
            description = "Made with the defaults on first use; 404 for a profile the caller does not see or an archived one.")
    @GetMapping("/api/v1/profiles/{id}/leadbox")
    LeadboxJson profile(Actor actor, @PathVariable UUID id) {
        return json(leadboxes.profileLeadbox(actor, id));
    }

    @Operation(summary = "Change a profile's Leadbox",
            description = "All settings at once; the switches enabled, offersText and offersCall must be given (a missing one "
                    + "is refused, not read as false). Allowed websites are stored as origins. Owner, admins of the profile "
                    + "and partner admins.")
    @PutMapping("/api/v1/profiles/{id}/leadbox")
    LeadboxJson profile(Actor actor, @PathVariable UUID id, @RequestBody SettingsJson body) {
        return json(leadboxes.changeProfileLeadbox(actor, id, body.form()));
    }

    @Operation(summary = "Read the multi-profile Leadbox",
            description = "For those who see every profile (the owner and partner users); 404 for others.")
    @GetMapping("/api/v1/leadbox/multi-profile")
    LeadboxJson multiProfile(Actor actor) {
        return json(leadboxes.multiProfileLeadbox(actor));
    }

    @Operation(summary = "Change the multi-profile Leadbox",
            description = "The settings as for a profile's, plus profileOrder (the profiles named first, the rest after them; "
                    + "absent keeps the order) and shownProfileIds (exactly the profiles offered; absent keeps each "
                    + "profile's own choice). Owner and partner admins.")
    @PutMapping("/api/v1/leadbox/multi-profile")
    LeadboxJson multiProfile(Actor actor, @RequestBody MultiProfileJson body) {
        return json(leadboxes.changeMultiProfileLeadbox(actor, new MultiProfileForm(body.form(), body.profileOrder(),
                body.shownProfileIds())));
    }

    private static LeadboxJson json(View view) {
        SettingsForm s = view.settings();
        return new LeadboxJson(view.id(), view.profileId(), view.name(), view.embedCode(), s.enabled(), s.buttonText(), s.colour(),
                s.greeting(), s.offersText(), s.offersCall(), s.consent(), s.allowedOrigins(), view.editable(),
                view.multiProfile() ? view.choices() : null);
    }
}
