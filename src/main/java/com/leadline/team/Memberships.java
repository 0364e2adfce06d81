package com.leadline.team;

import java.util.Map;
import java.util.UUID;

/** Profile memberships for the modules that build on the team: who works where. */
public interface Memberships {

    /** Makes the user a member of the profile, inside the caller's transaction (nothing if they already are). */
    void join(UUID accountId, UUID profileId, UUID userId);

    /** Per profile of the current account: how many users work in it (the owner in every one; deactivated users aside). */
    Map<UUID, Integer> userCounts();

    /** Whether the user is an active member of the current account who works in the profile (the owner works in all). */
    boolean worksIn(UUID userId, UUID profileId);

    record Worker(UUID userId, String name) {
    }

    /** The active people who work in the profile, by name: who a conversation of it can be assigned to. */
    java.util.List<Worker> workersOf(UUID profileId);

    /** The active people who work in every one of these profiles, by name: who can take conversations of all of them. */
    java.util.List<Worker> workersOfEvery(java.util.Set<UUID> profileIds);

    /** Everyone active who sees the profile's inbox: its workers and the partner users with access to the account. */
    java.util.Set<UUID> viewersOf(UUID profileId);

    record Person(UUID userId, String name, boolean deactivated) {
    }

    /** Everyone who may have written in the account, deactivated people and partner users included, by id. */
    Map<UUID, Person> people();

    /** How many seats the current account has: its active users, not invitees, not partner users. */
    int activeSeats();
}
