package com.leadline.team.internal.web;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SettingsGroup;
import com.leadline.team.Actor;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The team's groups of the Settings area: Team for those who invite and edit people (PERMISSIONS.md rows 4-9), read only
 * for read-only partners (row 3); the Audit log for those who read it (row 31).
 */
@Component
class TeamSettingsGroups implements SettingsGroup {

    private final ActorLookup actors;

    TeamSettingsGroups(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Entry> groupsFor(AuthenticatedUser user) {
        return actors.actorOf(user).map(TeamSettingsGroups::groupsOf).orElse(List.of());
    }

    static List<Entry> groupsOf(Actor actor) {
        List<Entry> groups = new ArrayList<>();
        if (actor.can(Permission.INVITE_USERS)) {
            groups.add(team(Access.OPEN));
        } else if (actor.isReadOnlyPartner() && actor.can(Permission.VIEW_TEAM)) {
            groups.add(team(Access.READ_ONLY));
        }
        if (actor.can(Permission.READ_AUDIT_LOG)) {
            groups.add(new Entry("Audit log", "Who changed what in this account and when, with filters and a CSV download.",
                    AuditLogController.PATH, Place.AUDIT_LOG, Access.OPEN));
        }
        return groups;
    }

    private static Entry team(Access access) {
        return new Entry("Team", "Who works here: invite people, edit their role and profiles, deactivate them; partner agencies' access.",
                "/team", Place.TEAM, access);
    }
}
