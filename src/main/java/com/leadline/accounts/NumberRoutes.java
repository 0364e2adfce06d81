package com.leadline.accounts;

import java.util.Optional;
import java.util.UUID;

/**
 * Which profile of which account a sending number belongs to, whatever account (if any) the current
 * transaction works for: an inbound text names the number it was sent to, and nothing else of ours.
 */
public interface NumberRoutes {

    record Route(UUID accountId, UUID profileId) {
    }

    /** @param phoneNumber in E.164 form */
    Optional<Route> route(String phoneNumber);
}
