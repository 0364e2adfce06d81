package com.leadline.profiles.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SettingsGroup;
import com.leadline.team.Actor;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The profiles' groups of the Settings area, all kept on the Profiles page and its edit dialog: Profiles (PERMISSIONS.md
 * rows 14-15), Auto replies (row 19) and Phone numbers (the Texting section, edited by who edits the profile, row 15).
 * Read-only partners see each read only (they read the Profiles page, row 3); team members none (S42).
 */
@Component
class ProfileSettingsGroups implements SettingsGroup {

    private final ActorLookup actors;

    ProfileSettingsGroups(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Entry> groupsFor(AuthenticatedUser user) {
        return actors.actorOf(user).map(ProfileSettingsGroups::groupsOf).orElse(List.of());
    }

    static List<Entry> groupsOf(Actor actor) {
        List<Entry> groups = new ArrayList<>();
        add(groups, actor, actor.can(Permission.ADD_PROFILES) || actor.can(Permission.EDIT_PROFILES), "Profiles",
                "Your locations or departments: add, rename, business hours, timezone, archive.", Place.PROFILES);
        add(groups, actor, actor.can(Permission.EDIT_AUTO_REPLIES), "Auto replies",
                "The new lead and after hours replies, in each profile's Auto replies section (the pencil on Profiles).", Place.AUTO_REPLIES);
        add(groups, actor, actor.can(Permission.EDIT_PROFILES), "Phone numbers",
                "The number each profile texts from, its country and HELP text, in each profile's Texting section (the pencil on Profiles).",
                Place.PHONE_NUMBERS);
        return groups;
    }

    private static void add(List<Entry> groups, Actor actor, boolean mayChange, String name, String description, int place) {
        if (mayChange) {
            groups.add(new Entry(name, description, "/profiles", place, Access.OPEN));
        } else if (actor.isReadOnlyPartner() && actor.can(Permission.VIEW_TEAM)) {
            // Row 3: a read-only partner reads the Profiles page (its numbers included), every control there disabled.
            groups.add(new Entry(name, description, "/profiles", place, Access.READ_ONLY));
        }
    }
}
