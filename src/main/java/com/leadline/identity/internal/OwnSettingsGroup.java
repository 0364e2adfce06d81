package com.leadline.identity.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SettingsGroup;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Settings area's link to the person's own settings (PERMISSIONS.md row 13: everyone signed in, read-only partners too). */
@Component
class OwnSettingsGroup implements SettingsGroup {

    static final Entry YOUR_SETTINGS = new Entry("Your settings",
            "Your name, password, notifications, keyboard shortcuts, where you're signed in and your API tokens.",
            SettingsController.PATH, Place.YOUR_SETTINGS, Access.OPEN);

    @Override
    public List<Entry> groupsFor(AuthenticatedUser user) {
        return user == null ? List.of() : List.of(YOUR_SETTINGS);
    }
}
