package com.leadline.team;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do: the code form of PERMISSIONS.md (rows 3-10 so far). "own" rows are further
 * limited to the actor's profiles by {@link Actor#canManageProfile}.
 */
public enum Permission {
    /** Row 3: view the Team page and member list. */
    VIEW_TEAM,
    /** Rows 4-5: invite a user (admin or team member), to one profile or all of the actor's. */
    INVITE_USERS,
    /** Row 6: resend or cancel an invitation. */
    MANAGE_INVITATIONS,
    /** Row 7: edit a user's name, email, role and memberships. */
    EDIT_USERS,
    /** Rows 8-9: deactivate a user and hand over their conversations. */
    DEACTIVATE_USERS;

    static Set<Permission> of(Role role) {
        return switch (role) {
            case OWNER, ADMIN -> EnumSet.allOf(Permission.class);
            case MEMBER -> EnumSet.of(VIEW_TEAM);
        };
    }
}
