package com.leadline.leadbox.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SettingsGroup;
import com.leadline.team.Actor;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Settings area's Leadbox group: the settings for who edits Leadboxes (PERMISSIONS.md row 17); only the embed code for
 * team members (row 18, S41); read only for read-only partners (they copy the code, change nothing).
 */
@Component
class LeadboxSettingsGroup implements SettingsGroup {

    private static final String NAME = "Leadbox";

    private final ActorLookup actors;

    LeadboxSettingsGroup(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Entry> groupsFor(AuthenticatedUser user) {
        return actors.actorOf(user).flatMap(LeadboxSettingsGroup::groupOf).map(List::of).orElse(List.of());
    }

    static Optional<Entry> groupOf(Actor actor) {
        if (actor.can(Permission.EDIT_LEADBOX)) {
            return Optional.of(new Entry(NAME, "Each profile's chat widget and the multi-profile one: button, colour, greeting, "
                    + "allowed websites; and their embed codes.", "/leadbox", Place.LEADBOX, Access.OPEN));
        }
        if (!actor.can(Permission.COPY_EMBED_CODE)) {
            return Optional.empty();
        }
        return Optional.of(actor.isReadOnlyPartner()
                ? new Entry(NAME, "The Leadboxes' embed codes to copy; their settings read only.", "/leadbox", Place.LEADBOX, Access.READ_ONLY)
                : new Entry(NAME, "The embed code of your profiles' Leadboxes, to copy into a website.", "/leadbox", Place.LEADBOX, Access.OPEN));
    }
}
