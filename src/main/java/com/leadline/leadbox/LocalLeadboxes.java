package com.leadline.leadbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * For the local-mode tools only (the demo data and the {@code /dev/leadbox} page, devdata module): an
 * account's Leadboxes with their keys, and a website they all allow. Each call works in the given account
 * in a transaction of its own (or the caller's).
 */
public interface LocalLeadboxes {

    /**
     * A Leadbox as the demo page lists it.
     *
     * @param name the profile's name, or "All profiles" for the multi-profile Leadbox
     */
    record Embed(String widgetKey, String name, boolean multiProfile, boolean enabled, List<String> allowedOrigins) {
    }

    /**
     * Makes every profile's Leadbox and the multi-profile one (with the defaults, if not made yet) allow
     * {@code origin} (scheme://host[:port]) besides the websites they allow already.
     */
    List<Embed> allowWebsite(UUID accountId, String origin, Instant now);

    /** The account's Leadboxes made so far: the multi-profile one first, then the profiles' in their order. */
    List<Embed> embeds(UUID accountId);
}
