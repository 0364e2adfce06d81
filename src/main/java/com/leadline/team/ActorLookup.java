package com.leadline.team;

import com.leadline.platform.AuthenticatedUser;
import java.util.Optional;

/** The {@link Actor} a signed-in user is right now, for the parts of a page outside a handler (the shell). */
public interface ActorLookup {

    /** Inside the user's account's tenancy; empty when they have no role and no partner access there. */
    Optional<Actor> actorOf(AuthenticatedUser user);
}
