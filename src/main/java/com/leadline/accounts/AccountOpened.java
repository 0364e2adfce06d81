package com.leadline.accounts;

import java.util.UUID;

/**
 * Published inside the sign-up transaction: listeners that must be part of the new account (the
 * owner's role and first membership, a referring agency's grant) run in that same transaction.
 *
 * @param referringAgencyId the partner agency whose referral link the sign-up came through, or null
 */
public record AccountOpened(UUID accountId, UUID ownerId, UUID firstProfileId, UUID referringAgencyId) {
}
