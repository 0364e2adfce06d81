package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.preference.KeyboardPreferences;
import com.leadline.platform.AuthenticatedUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Saves the own-settings choice of single-key shortcuts (PERMISSIONS.md row 13: every signed-in person, their own). */
@Controller
class KeyboardSettingsController {

    private final KeyboardPreferences preferences;

    KeyboardSettingsController(KeyboardPreferences preferences) {
        this.preferences = preferences;
    }

    /** A checked box sends "on", an unchecked one nothing; anything else is refused (422) and changes nothing. */
    @PostMapping("/settings/me/keyboard")
    String save(@AuthenticationPrincipal AuthenticatedUser user,
                @RequestParam(name = KeyboardPreferences.FIELD, required = false) String keyboardShortcuts) {
        preferences.choose(user, keyboardShortcuts);
        return "redirect:/settings/me?keyboardSaved#keyboard-heading";
    }
}
