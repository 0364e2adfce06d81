package com.leadline.platform.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SettingsGroup;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The account's Settings area (UI.md, {@code /settings}): every group some module gives for the signed-in person
 * ({@link SettingsGroup}), in their order. Who sees which group is each module's decision, read afresh per request.
 */
@Controller
class SettingsAreaController {

    private final ObjectProvider<SettingsGroup> groups;

    SettingsAreaController(ObjectProvider<SettingsGroup> groups) {
        this.groups = groups;
    }

    @GetMapping("/settings")
    String area(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
        List<SettingsGroup.Entry> entries = groups.stream().flatMap(group -> group.groupsFor(user).stream())
                .sorted(Comparator.comparingInt(SettingsGroup.Entry::order).thenComparing(SettingsGroup.Entry::name)).toList();
        model.addAttribute("settingsGroups", entries);
        return "platform/settings";
    }
}
