package com.leadline.accounts;

import java.util.UUID;

/** Published inside a partner agency's sign-up transaction: the signer becomes the agency's first admin. */
public record AgencyOpened(UUID agencyId, UUID firstAdminId) {
}
