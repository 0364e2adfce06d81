package com.leadline.profiles.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.accounts.Profiles;
import com.leadline.platform.Htmx;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
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
    private static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final ProfileService profiles;

    ProfilesController(ProfileService profiles) {
        this.profiles = profiles;
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

    @PostMapping("/profiles/{id}/plan")
    String plan(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String plan,
                HttpServletRequest request, HttpServletResponse response) {
        profiles.changePlan(actor, id, plan);
        return done(request, response);
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
        model.addAttribute("profile", profile);
        model.addAttribute("timezones", TIMEZONES);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("plans", Profiles.Plan.values());
        model.addAttribute("canChangePlan", actor.can(Permission.CHANGE_PLANS));
        return "profiles/form :: form";
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
