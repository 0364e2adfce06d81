package com.leadline.accounts;

import java.util.UUID;

/**
 * Published inside the sign-up transaction: listeners that must be part of the new account (the
 * owner's role and first membership) run in that same transaction.
 */
public record AccountOpened(UUID accountId, UUID ownerId, UUID firstProfileId) {
}
