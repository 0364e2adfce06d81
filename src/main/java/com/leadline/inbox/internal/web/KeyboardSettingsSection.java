package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.preference.KeyboardPreferences;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.OwnSettingsSection;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The "Keyboard shortcuts" part of a person's own settings page: single-key shortcuts on or off (WCAG 2.1.4). */
@Component
@Order(40)
class KeyboardSettingsSection implements OwnSettingsSection {

    private final KeyboardPreferences preferences;

    KeyboardSettingsSection(KeyboardPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public String fragment() {
        return "inbox/own-settings-keys :: section";
    }

    @Override
    public void addTo(Map<String, Object> model, AuthenticatedUser user) {
        model.put("inboxKeyboardShortcuts", preferences.shortcutsOn(user));
    }
}
