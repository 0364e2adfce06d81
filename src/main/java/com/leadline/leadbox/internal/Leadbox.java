package com.leadline.leadbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A website widget: a profile's (profileId set) or the account's multi-profile one (profileId null),
 * which lets a visitor pick one of the profiles shown in it first.
 *
 * @param allowedOrigins exact origins (scheme://host[:port]) whose pages may use the key
 * @param position       the profile's place in the multi-profile Leadbox, lowest first
 * @param formSecret     signs the panel's form tokens (FormTokens); never leaves the server
 */
record Leadbox(UUID id, UUID accountId, UUID profileId, String widgetKey, boolean enabled, Appearance appearance,
               List<String> allowedOrigins, int position, byte[] formSecret, Instant updatedAt) {

    /** What a visitor sees: the launcher's words and colour, the panel's greeting, channels and consent sentence. */
    record Appearance(String buttonText, String colour, String greeting, boolean offersText, boolean offersCall,
                      String consent) {
    }

    boolean multiProfile() {
        return profileId == null;
    }

    /** Whether a page of {@code origin} (the request's Origin header) may use this Leadbox. */
    boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
