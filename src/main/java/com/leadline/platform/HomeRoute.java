package com.leadline.platform;

import java.util.Optional;

/** Where a signed-in user's home ("/") is, when a module knows better than the inbox (a partner agency's console). */
public interface HomeRoute {

    Optional<String> homeFor(AuthenticatedUser user);

    /** Whether someone who just signed up goes straight to this home instead of the welcome page (it explains itself). */
    default boolean skipsWelcome() {
        return false;
    }
}
