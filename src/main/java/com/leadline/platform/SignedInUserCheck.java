package com.leadline.platform;

import java.util.Optional;

/**
 * Asked on every request of a signed-in user, inside that user's account: who is this user now?
 * Empty ends the session at once (the user was deactivated), whichever server node the request
 * reaches; a changed name or address replaces the session's copy, so edits show on the next request.
 */
public interface SignedInUserCheck {

    Optional<AuthenticatedUser> current(AuthenticatedUser user);
}
