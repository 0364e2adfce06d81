package com.leadline.team;

import com.leadline.platform.AuthenticatedUser;
import java.util.UUID;

/**
 * Inviting people and accepting their invitations through the team's use cases, with their rules, limits,
 * emails and audit entries, for work no person started (the demo seeder).
 */
public interface Invitations {

    /**
     * Invites as the inviter would on the Team page.
     *
     * @param profileId one of the inviter's profiles, or null for every one of them
     * @return the invitee
     */
    UUID invite(Actor inviter, String name, String email, Role role, UUID profileId);

    /**
     * Accepts the invitee's pending invitation as its emailed link would, without that link: the
     * invitee becomes an active user with this name and password.
     *
     * @throws com.leadline.platform.ConflictException when the invitee has no pending invitation
     * @throws IllegalStateException when the caller is not a system actor ({@link com.leadline.platform.CallerContext})
     */
    AuthenticatedUser acceptPending(UUID accountId, UUID inviteeId, String name, String password);
}
