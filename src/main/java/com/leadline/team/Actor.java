package com.leadline.team;

import com.leadline.platform.NotAllowedException;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting, read afresh from the database on every request: role, status and memberships
 * changed by someone else apply on the very next request, on every node.
 *
 * @param profileIds the profiles (in use) the actor works in: every one for the owner and partner
 *                   users, their member profiles for everyone else
 * @param wholeAccount whether the actor sees every user and profile of the account
 */
public record Actor(UUID userId, UUID accountId, String name, Role role, Set<UUID> profileIds, boolean wholeAccount) {

    public Actor {
        profileIds = Set.copyOf(profileIds);
    }

    public boolean can(Permission permission) {
        return Permission.of(role).contains(permission);
    }

    /** The one check every use case starts with: 403 when the role does not allow it. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw isReadOnlyPartner() ? PartnerAccess.readOnlyRefusal()
                    : new NotAllowedException("Your role doesn't allow this. Ask an admin of your account.");
        }
    }

    /** A partner user whose agency the client set to Read only: pages show them controls disabled, with the reason. */
    public boolean isReadOnlyPartner() {
        return role == Role.PARTNER_READ_ONLY;
    }

    /**
     * The owner and partner users work in every profile of the account, and in an account without
     * profiles (a partner agency) everyone sees everyone; otherwise people see their member profiles.
     */
    public boolean seesEveryProfile() {
        return wholeAccount;
    }

    public boolean canManageProfile(UUID profileId) {
        return profileIds.contains(profileId);
    }
}
