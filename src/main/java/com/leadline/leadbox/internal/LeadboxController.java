package com.leadline.leadbox.internal;

import com.leadline.leadbox.internal.LeadboxSettingsService.Choice;
import com.leadline.leadbox.internal.LeadboxSettingsService.MultiProfileForm;
import com.leadline.leadbox.internal.LeadboxSettingsService.SettingsForm;
import com.leadline.leadbox.internal.LeadboxSettingsService.View;
import com.leadline.platform.FormRefusals;
import com.leadline.team.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Leadbox page (embed codes) and a Leadbox's settings page with its live preview. Translates; the rules live in LeadboxSettingsService. */
@Controller
class LeadboxController {

    /** A profile row of the multi-profile settings: its place (1 first) and whether it is shown, as typed. */
    record ChoiceRow(UUID profileId, String name, String buttonName, boolean shown, int position) {
    }

    private final LeadboxSettingsService leadboxes;

    LeadboxController(LeadboxSettingsService leadboxes) {
        this.leadboxes = leadboxes;
    }

    @GetMapping("/leadbox")
    String page(Actor actor, Model model) {
        model.addAttribute("leadboxes", leadboxes.list(actor));
        return "leadbox/list";
    }

    @GetMapping("/leadbox/profiles/{id}")
    String profile(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String saved, Model model) {
        View view = leadboxes.editableProfileLeadbox(actor, id);
        return settingsPage(view, view.settings(), rows(view.choices()), Map.of(), saved != null, model);
    }

    @PostMapping("/leadbox/profiles/{id}")
    String profile(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> fields, HttpServletRequest request, Model model) {
        SettingsForm form = formOf(fields);
        FormRefusals.rerenderOnRefusal(request, model,
                errors -> settingsPage(leadboxes.editableProfileLeadbox(actor, id), form, List.of(), errors, false, model));
        leadboxes.changeProfileLeadbox(actor, id, form);
        return "redirect:/leadbox/profiles/" + id + "?saved";
    }

    @GetMapping("/leadbox/multi-profile")
    String multiProfile(Actor actor, @RequestParam(required = false) String saved, Model model) {
        View view = leadboxes.editableMultiProfileLeadbox(actor);
        return settingsPage(view, view.settings(), rows(view.choices()), Map.of(), saved != null, model);
    }

    /** Fields as for a profile's Leadbox, plus position.{profileId} (1 first) and shown (the ids of the profiles shown). */
    @PostMapping("/leadbox/multi-profile")
    String multiProfile(Actor actor, @RequestParam Map<String, String> fields,
                        @RequestParam(name = "shown", required = false) List<UUID> shown, HttpServletRequest request, Model model) {
        SettingsForm form = formOf(fields);
        List<ChoiceRow> typed = typedRows(leadboxes.editableMultiProfileLeadbox(actor).choices(), fields, shown);
        FormRefusals.rerenderOnRefusal(request, model,
                errors -> settingsPage(leadboxes.editableMultiProfileLeadbox(actor), form, typed, errors, false, model));
        List<UUID> order = typed.stream().sorted(Comparator.comparingInt(ChoiceRow::position)).map(ChoiceRow::profileId).toList();
        leadboxes.changeMultiProfileLeadbox(actor, new MultiProfileForm(form, order,
                new LinkedHashSet<>(shown == null ? List.of() : shown)));
        return "redirect:/leadbox/multi-profile?saved";
    }

    private static String settingsPage(View view, SettingsForm form, List<ChoiceRow> choices, Map<String, String> errors, boolean saved,
                                       Model model) {
        model.addAttribute("leadbox", view);
        model.addAttribute("form", form);
        model.addAttribute("originsText", String.join("\n", form.allowedOrigins() == null ? List.of() : form.allowedOrigins()));
        model.addAttribute("choices", choices);
        model.addAttribute("errors", errors.isEmpty() ? null : errors);
        model.addAttribute("saved", saved);
        model.addAttribute("maxButtonText", LeadboxRules.MAX_BUTTON_TEXT);
        model.addAttribute("maxGreeting", LeadboxRules.MAX_GREETING);
        model.addAttribute("maxConsent", LeadboxRules.MAX_CONSENT);
        model.addAttribute("maxOrigins", LeadboxRules.MAX_ORIGINS);
        return "leadbox/settings";
    }

    private static List<ChoiceRow> rows(List<Choice> choices) {
        List<ChoiceRow> rows = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            rows.add(new ChoiceRow(c.profileId(), c.name(), c.buttonName(), c.shown(), i + 1));
        }
        return rows;
    }

    /** The rows as typed, in the order typed (a place that is no number goes last; equal places keep their order). */
    private static List<ChoiceRow> typedRows(List<Choice> choices, Map<String, String> fields, List<UUID> shown) {
        List<ChoiceRow> rows = new ArrayList<>();
        for (ChoiceRow row : rows(choices)) {
            int position;
            try {
                position = Integer.parseInt(fields.getOrDefault("position." + row.profileId(), "").strip());
            } catch (NumberFormatException notANumber) {
                position = Integer.MAX_VALUE;
            }
            rows.add(new ChoiceRow(row.profileId(), row.name(), row.buttonName(), shown != null && shown.contains(row.profileId()), position));
        }
        rows.sort(Comparator.comparingInt(ChoiceRow::position));
        return rows;
    }

    /** Check boxes are sent only when ticked; the allowed websites are one per line. */
    private static SettingsForm formOf(Map<String, String> fields) {
        return new SettingsForm(fields.containsKey("enabled"), fields.getOrDefault("buttonText", ""), fields.getOrDefault("colour", ""),
                fields.getOrDefault("greeting", ""), fields.containsKey("offersText"), fields.containsKey("offersCall"),
                fields.getOrDefault("consent", ""), Arrays.asList(fields.getOrDefault("allowedOrigins", "").split("\r?\n|\r")));
    }
}
