package com.leadline.profiles.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.accounts.Profiles;
import com.leadline.platform.Htmx;
import com.leadline.platform.PhoneNumbers;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Profiles page and its modals. Translates; the rules live in ProfileService. */
@Controller
class ProfilesController {

    private static final String PROFILES_CHANGED = "{\"profilesChanged\": true, \"closeModal\": true}";
    private static final String LIST_CHANGED = "{\"profilesChanged\": true}";
    private static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final List<Country> COUNTRIES = Country.all();

    /** A choice of the Texting section's country list: "United States (+1)" for US. */
    record Country(String code, String label) {

        static List<Country> all() {
            Collator byName = Collator.getInstance(Locale.ENGLISH);
            return PhoneNumbers.knownCountries().stream()
                    .map(code -> new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)
                            + " (+" + PhoneNumbers.callingCode(code) + ")"))
                    .sorted(Comparator.comparing(Country::label, byName)).toList();
        }
    }

    private final ProfileService profiles;
    private final ProfileTextingService texting;
    private final ProfileAutoRepliesService autoReplies;

    ProfilesController(ProfileService profiles, ProfileTextingService texting, ProfileAutoRepliesService autoReplies) {
        this.profiles = profiles;
        this.texting = texting;
        this.autoReplies = autoReplies;
    }

    @GetMapping("/profiles")
    String page(Actor actor, Model model) {
        fillList(actor, model);
        return "profiles/list";
    }

    @GetMapping("/profiles/rows")
    String rows(Actor actor, Model model) {
        fillList(actor, model);
        return "profiles/list :: list";
    }

    private void fillList(Actor actor, Model model) {
        model.addAttribute("rows", profiles.list(actor));
        model.addAttribute("canAdd", actor.can(Permission.ADD_PROFILES));
        model.addAttribute("canEdit", actor.can(Permission.EDIT_PROFILES));
    }

    @GetMapping("/profiles/new")
    String newProfile(Actor actor, Model model) {
        actor.require(Permission.ADD_PROFILES);
        model.addAttribute("form", new ProfileService.ProfileForm("", "", true, "UTC", Map.of()));
        return form(actor, null, model);
    }

    @PostMapping("/profiles")
    String create(Actor actor, @RequestParam Map<String, String> fields, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        ProfileService.ProfileForm form = formOf(fields);
        FormRefusals.rerenderOnRefusal(request, model, errors -> again(actor, null, form, errors, model));
        profiles.create(actor, form);
        return done(request, response);
    }

    @GetMapping("/profiles/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        Profiles.Profile profile = profiles.get(actor, id);
        actor.require(Permission.EDIT_PROFILES);
        Profiles.Settings settings = profile.settings();
        Map<String, ProfileService.HoursForm> hours = new LinkedHashMap<>();
        settings.hours().forEach((day, open) -> hours.put(day.name(),
                new ProfileService.HoursForm(open.opens().toString(), open.closes().toString())));
        model.addAttribute("form", new ProfileService.ProfileForm(settings.name(),
                settings.buttonName() == null ? "" : settings.buttonName(), settings.showInLeadbox(), settings.timezone(), hours));
        return form(actor, profile, model);
    }

    @PostMapping("/profiles/{id}")
    String update(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> fields, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        ProfileService.ProfileForm form = formOf(fields);
        FormRefusals.rerenderOnRefusal(request, model, errors -> again(actor, id, form, errors, model));
        profiles.update(actor, id, form);
        return done(request, response);
    }

    /**
     * The Texting section saves on its own and answers with itself (saved, or refused with its errors),
     * the dialog staying open; the list behind it is drawn again for the number it shows.
     */
    @PostMapping("/profiles/{id}/texting")
    String texting(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> fields, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        ProfileTextingService.TextingForm form = new ProfileTextingService.TextingForm(fields.getOrDefault("country", ""),
                fields.getOrDefault("phoneNumber", ""), fields.getOrDefault("helpText", ""));
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("texting", form);
            model.addAttribute("textingErrors", errors);
            return textingSection(profiles.get(actor, id), model);
        });
        ProfileTextingService.Saved saved = texting.change(actor, id, form);
        model.addAttribute("texting", textingForm(saved.profile()));
        model.addAttribute("textingSaved", true);
        model.addAttribute("numberUnchecked", saved.numberUnchecked());
        response.setHeader("HX-Trigger", LIST_CHANGED);
        return textingSection(saved.profile(), model);
    }

    /** The Auto replies section saves on its own and answers with itself, as the Texting section does. */
    @PostMapping("/profiles/{id}/auto-replies")
    String autoReplies(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> fields, HttpServletRequest request,
                       Model model) {
        ProfileAutoRepliesService.AutoRepliesForm form = new ProfileAutoRepliesService.AutoRepliesForm(
                fields.containsKey("newLeadEnabled"), fields.getOrDefault("newLeadText", ""),
                fields.containsKey("afterHoursEnabled"), fields.getOrDefault("afterHoursText", ""));
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("autoReplies", form);
            model.addAttribute("autoReplyErrors", errors);
            return autoRepliesSection(profiles.get(actor, id), model);
        });
        model.addAttribute("autoReplies", ProfileAutoRepliesService.AutoRepliesForm.of(autoReplies.change(actor, id, form)));
        model.addAttribute("autoRepliesSaved", true);
        return autoRepliesSection(profiles.get(actor, id), model);
    }

    @PostMapping("/profiles/{id}/plan")
    String plan(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String plan,
                @RequestParam(defaultValue = "") String back, HttpServletRequest request, HttpServletResponse response) {
        profiles.changePlan(actor, id, plan);
        // The billing page's plan choice (a plain form) goes back to the billing page.
        return "billing".equals(back) ? "redirect:/settings/billing?planChanged" : done(request, response);
    }

    @PostMapping("/profiles/{id}/archive")
    String archive(Actor actor, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        profiles.archive(actor, id);
        return done(request, response);
    }

    @PostMapping("/profiles/{id}/restore")
    String restore(Actor actor, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        profiles.restore(actor, id);
        return done(request, response);
    }

    private String again(Actor actor, UUID id, ProfileService.ProfileForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return form(actor, id == null ? null : profiles.get(actor, id), model);
    }

    private String form(Actor actor, Profiles.Profile profile, Model model) {
        if (profile != null) {
            model.addAttribute("texting", textingForm(profile));
            model.addAttribute("countries", COUNTRIES);
            model.addAttribute("autoReplies", ProfileAutoRepliesService.AutoRepliesForm.of(autoReplies.get(actor, profile.id())));
            model.addAttribute("autoReplyMax", com.leadline.inbox.AutoReplies.MAX_TEXT);
        }
        model.addAttribute("profile", profile);
        model.addAttribute("timezones", TIMEZONES);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("plans", Profiles.Plan.values());
        model.addAttribute("canChangePlan", actor.can(Permission.CHANGE_PLANS));
        return "profiles/form :: form";
    }

    private static String textingSection(Profiles.Profile profile, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("countries", COUNTRIES);
        return "profiles/form :: texting";
    }

    private static String autoRepliesSection(Profiles.Profile profile, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("autoReplyMax", com.leadline.inbox.AutoReplies.MAX_TEXT);
        return "profiles/form :: autoReplies";
    }

    /** The stored settings as the form shows them, the number as people read it. */
    private static ProfileTextingService.TextingForm textingForm(Profiles.Profile profile) {
        Profiles.Texting stored = profile.texting();
        String number = stored.phoneNumber() == null ? "" : PhoneNumbers.international(stored.phoneNumber());
        return new ProfileTextingService.TextingForm(stored.country(), number, stored.helpText());
    }

    /** Form fields: name, buttonName, showInLeadbox, timezone, and per weekday open.MONDAY, opens.MONDAY, closes.MONDAY. */
    private static ProfileService.ProfileForm formOf(Map<String, String> fields) {
        Map<String, ProfileService.HoursForm> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (fields.containsKey("open." + day.name())) {
                hours.put(day.name(), new ProfileService.HoursForm(fields.getOrDefault("opens." + day.name(), ""),
                        fields.getOrDefault("closes." + day.name(), "")));
            }
        }
        return new ProfileService.ProfileForm(fields.getOrDefault("name", ""), fields.getOrDefault("buttonName", ""),
                fields.containsKey("showInLeadbox"), fields.getOrDefault("timezone", ""), hours);
    }

    /** htmx: close the modal and reload the list; a plain form post goes back to the Profiles page. */
    private static String done(HttpServletRequest request, HttpServletResponse response) {
        return Htmx.done(request, response, PROFILES_CHANGED, "/profiles");
    }
}
