package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.shortcut.ShortcutService;
import com.leadline.platform.FormRefusals;
import com.leadline.platform.NotFoundException;
import com.leadline.accounts.Profiles;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Shortcuts page. */
@Controller
class ShortcutsController {

    private final ShortcutService shortcuts;
    private final Profiles profiles;

    ShortcutsController(ShortcutService shortcuts, Profiles profiles) {
        this.shortcuts = shortcuts;
        this.profiles = profiles;
    }

    @GetMapping("/shortcuts")
    String page(Actor actor, Model model) {
        fill(actor, model);
        return "inbox/shortcuts";
    }

    /** scope: "personal" or a profile id (shared). */
    @PostMapping("/shortcuts")
    String create(Actor actor, @RequestParam(defaultValue = "personal") String scope, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String body, HttpServletRequest request, Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            fill(actor, model);
            return "inbox/shortcuts";
        });
        shortcuts.create(actor, scope.equals("personal") ? null : profile(scope), name, body);
        return "redirect:/shortcuts";
    }

    @PostMapping("/shortcuts/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id) {
        shortcuts.delete(actor, id);
        return "redirect:/shortcuts";
    }

    private void fill(Actor actor, Model model) {
        model.addAttribute("shortcuts", shortcuts.usable(actor, null));
        model.addAttribute("canUse", actor.can(Permission.USE_SHORTCUTS));
        model.addAttribute("sharedProfiles", actor.can(Permission.EDIT_SHARED_SHORTCUTS)
                ? profiles.all().stream().filter(p -> actor.canManageProfile(p.id())).toList() : List.of());
        model.addAttribute("canEditShared", actor.can(Permission.EDIT_SHARED_SHORTCUTS));
        model.addAttribute("profileNames", profiles.all());
    }

    private static UUID profile(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException();
        }
    }
}
