package com.leadline.partners;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Partner relationships as support staff handle them: staff work in no account, so each call names
 * the account it reads or changes. Ending one is support's alone (the client cannot, PERMISSIONS.md row 12).
 */
public interface PartnerRelationships {

    record Relationship(UUID clientId, String clientName, UUID agencyId, String agencyName, String levelLabel) {
    }

    /** The relationships the account is part of, as client or as agency. */
    List<Relationship> of(UUID accountId);

    /**
     * Ends the agency's access to the client account inside the caller's transaction: its users are
     * back at their agency on their next request. Empty when the agency had no access there.
     */
    Optional<Relationship> end(UUID clientId, UUID agencyId);
}
