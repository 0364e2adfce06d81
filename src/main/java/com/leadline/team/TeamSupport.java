package com.leadline.team;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What support staff may do to a customer's user, inside that user's account. Every call is audited with the staff id. */
public interface TeamSupport {

    record MemberFacts(UUID userId, UUID accountId, String accountName, String name, String email, Role role,
                       String state) {
    }

    Optional<MemberFacts> facts(UUID accountId, UUID userId);

    record Admin(String name, String email) {
    }

    /** The account's active owner and admins, who hear of what support changed in it. */
    List<Admin> activeAdminsOf(UUID accountId);

    void reactivate(UUID accountId, UUID userId, UUID staffId);

    void resendInvitation(UUID accountId, UUID userId, UUID staffId);

    /**
     * Invites the first admin of an agency support staff just opened, inside the caller's transaction
     * and tenancy.
     *
     * @throws com.leadline.platform.InvalidInputException with field errors "adminName", "adminEmail"
     */
    UUID inviteFirstAdmin(UUID agencyId, String name, String email, UUID staffId);
}
