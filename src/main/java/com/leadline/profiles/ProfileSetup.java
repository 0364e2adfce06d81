package com.leadline.profiles;

import com.leadline.team.Actor;
import java.util.UUID;

/**
 * Adding and naming profiles as the Profiles page does, with its checks and audit entries, for work no
 * person started (the demo seeder). Called in the actor's account.
 */
public interface ProfileSetup {

    /** A new profile with default settings in {@code timezone}, which the actor works in. */
    UUID add(Actor actor, String name, String timezone);

    /** The profile keeps every setting but its name. */
    void rename(Actor actor, UUID profileId, String name);
}
