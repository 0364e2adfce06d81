package com.leadline.leadbox.internal;

import com.leadline.accounts.Profiles.Profile;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A Leadbox as the public widget sees it: for a profile's Leadbox, that profile; for the multi-profile
 * one, the profiles a visitor may pick, in their order (those shown in the Leadbox, not archived).
 */
record Widget(Leadbox leadbox, List<Choice> choices) {

    /** A profile the widget offers, under the name visitors see (its button name, or else its name). */
    record Choice(Profile profile, String name) {

        static Choice of(Profile profile) {
            String buttonName = profile.settings().buttonName();
            return new Choice(profile, buttonName == null || buttonName.isBlank() ? profile.settings().name() : buttonName);
        }

        /** The number visitors may call: the profile's texting number, when the Leadbox offers calls. */
        String callNumber(Leadbox leadbox) {
            return leadbox.appearance().offersCall() ? profile.texting().phoneNumber() : null;
        }
    }

    /**
     * The profile a lead goes to: a profile's Leadbox's own (any id given must be it); one of the
     * multi-profile Leadbox's choices, which the id names.
     */
    Optional<Profile> profileFor(UUID profileId) {
        if (!leadbox.multiProfile()) {
            Profile own = choices.get(0).profile();
            return profileId == null || profileId.equals(own.id()) ? Optional.of(own) : Optional.empty();
        }
        return choices.stream().map(Choice::profile).filter(profile -> profile.id().equals(profileId)).findFirst();
    }
}
