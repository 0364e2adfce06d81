package com.leadline.accounts;

import java.time.Instant;
import java.util.UUID;

/** Opens partner agency accounts (inside the caller's transaction, in the new agency's tenancy). */
public interface Agencies {

    /** A new agency with its own referral code; no users yet. */
    void open(UUID agencyId, String name, Instant now);
}
