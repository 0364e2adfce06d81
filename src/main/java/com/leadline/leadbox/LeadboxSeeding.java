package com.leadline.leadbox;

import java.util.List;
import java.util.UUID;

/**
 * Setting a profile's Leadbox up for work no person started (the benchmark's seeder in devdata):
 * what an admin would do on the Leadbox settings page, without the page. Called in the account,
 * inside its transaction.
 */
public interface LeadboxSeeding {

    /**
     * The profile's Leadbox (made with the defaults if it has none), turned on and usable from exactly
     * these websites.
     *
     * @param websites http(s) addresses; only their origins are kept
     * @return the Leadbox's widget key, as in its embed code
     * @throws IllegalArgumentException when an address names no http(s) site
     */
    String openTo(UUID accountId, UUID profileId, String businessName, List<String> websites);
}
