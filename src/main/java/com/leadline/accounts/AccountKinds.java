package com.leadline.accounts;

import java.util.Optional;
import java.util.UUID;

/** Whether an account is a business or a partner agency, and an agency's referral code. Current account only. */
public interface AccountKinds {

    boolean isAgency(UUID accountId);

    Optional<String> referralCode(UUID agencyId);
}
