package com.leadline.team;

import com.leadline.platform.RequestRefusedException;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting, read afresh from the database on every request: role, status and memberships
 * changed by someone else apply on the very next request, on every node.
 *
 * @param profileIds the profiles the actor works in: every profile of the account for the owner,
 *                   their member profiles for everyone else
 */
public record Actor(UUID userId, UUID accountId, String name, Role role, Set<UUID> profileIds) {

    public Actor {
        profileIds = Set.copyOf(profileIds);
    }

    public boolean can(Permission permission) {
        return Permission.of(role).contains(permission);
    }

    /** The one check every use case starts with: 403 when the role does not allow it. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw RequestRefusedException.forbidden("Your role doesn't allow this. Ask an admin of your account.");
        }
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    public boolean canManageProfile(UUID profileId) {
        return profileIds.contains(profileId);
    }
}
