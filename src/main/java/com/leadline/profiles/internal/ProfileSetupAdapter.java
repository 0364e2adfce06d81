package com.leadline.profiles.internal;

import com.leadline.accounts.Profiles.Settings;
import com.leadline.profiles.ProfileSetup;
import com.leadline.profiles.internal.ProfileService.HoursForm;
import com.leadline.profiles.internal.ProfileService.ProfileForm;
import com.leadline.team.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link ProfileSetup} by the profile use cases, with forms filled in as a person would. */
@Component
class ProfileSetupAdapter implements ProfileSetup {

    private final ProfileService profiles;

    ProfileSetupAdapter(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    public UUID add(Actor actor, String name, String timezone) {
        return profiles.create(actor, new ProfileForm(name, null, true, timezone, Map.of())).id();
    }

    @Override
    public void rename(Actor actor, UUID profileId, String name) {
        Settings settings = profiles.get(actor, profileId).settings();
        Map<String, HoursForm> hours = new LinkedHashMap<>();
        settings.hours().forEach((day, open) -> hours.put(day.name(), new HoursForm(open.opens().toString(), open.closes().toString())));
        profiles.update(actor, profileId, new ProfileForm(name, settings.buttonName(), settings.showInLeadbox(),
                settings.timezone(), hours));
    }
}
