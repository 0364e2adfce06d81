package com.leadline.inbox.internal.web;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SettingsGroup;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Settings area's Shortcuts group, for who keeps shortcuts (PERMISSIONS.md rows 22-24; S40). */
@Component
class ShortcutsSettingsGroup implements SettingsGroup {

    static final Entry SHORTCUTS = new Entry("Shortcuts", "Your personal reply shortcuts (type / in a reply), and your profiles' shared ones.",
            "/shortcuts", Place.SHORTCUTS, Access.OPEN);

    private final ActorLookup actors;

    ShortcutsSettingsGroup(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Entry> groupsFor(AuthenticatedUser user) {
        return actors.actorOf(user).filter(actor -> actor.can(Permission.USE_SHORTCUTS)).map(actor -> List.of(SHORTCUTS)).orElse(List.of());
    }
}
