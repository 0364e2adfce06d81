package com.leadline.devdata.internal;

import com.leadline.accounts.BusinessSignUps;
import com.leadline.platform.ApplicationClock;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.Tenancy;
import com.leadline.profiles.ProfileSetup;
import com.leadline.team.Actor;
import com.leadline.team.ActorLookup;
import com.leadline.team.Invitations;
import com.leadline.team.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The demo practice's account, profiles and team, as its people would set them up: the owner signs up,
 * names the first profile and adds two more, and invites five people, who accept.
 */
final class DemoTeam {

    static final String OWNER_EMAIL = "owner@demo.leadline.local";
    static final String PASSWORD = "demo leadline passphrase";
    static final String BUSINESS = "Sunrise Dental";

    private static final String OWNER_NAME = "Olga Owner";
    private static final String TIMEZONE = "America/New_York";
    private static final List<String> PROFILES = List.of("Sunrise Dental Downtown", "Sunrise Dental Riverside",
            "Sunrise Dental Hill");
    private static final List<String> PEOPLE = List.of("Alex Admin", "Maya Member", "Noah Member", "Priya Member", "Sam Admin");

    /** The practice once set up: the owner and the team as the use cases see them (roles, profiles). */
    record Practice(UUID accountId, Actor owner, List<UUID> profiles, List<Actor> team) {
    }

    private final BusinessSignUps signUps;
    private final ProfileSetup profileSetup;
    private final Invitations invitations;
    private final ActorLookup actors;
    private final Tenancy tenancy;

    DemoTeam(BusinessSignUps signUps, ProfileSetup profileSetup, Invitations invitations, ActorLookup actors, Tenancy tenancy) {
        this.signUps = signUps;
        this.profileSetup = profileSetup;
        this.invitations = invitations;
        this.actors = actors;
        this.tenancy = tenancy;
    }

    /** Signs up at {@code openedAt}; the profiles follow a minute later, the team within the next two hours. */
    Practice setUp(Instant openedAt) {
        AuthenticatedUser owner = ApplicationClock.callAt(openedAt,
                () -> signUps.signUp(BUSINESS, OWNER_NAME, OWNER_EMAIL, PASSWORD, TIMEZONE))
                .orElseThrow(() -> new IllegalStateException(OWNER_EMAIL + " is already in use"));
        return tenancy.inAccount(owner.accountId(), () -> {
            List<UUID> profiles = ApplicationClock.callAt(openedAt.plus(Duration.ofMinutes(1)), () -> addProfiles(actorOf(owner)));
            List<Actor> team = new ArrayList<>();
            for (int i = 0; i < PEOPLE.size(); i++) {
                Instant invitedAt = openedAt.plus(Duration.ofMinutes(10 + i));
                team.add(actorOf(join(actorOf(owner), PEOPLE.get(i), i % 2 == 0 ? null : profiles.get(i % 3), invitedAt)));
            }
            return new Practice(owner.accountId(), actorOf(owner), profiles, team);
        });
    }

    /** The sign-up named the first profile after the business; it becomes the first of the three. */
    private List<UUID> addProfiles(Actor owner) {
        List<UUID> profiles = new ArrayList<>(owner.profileIds());
        profileSetup.rename(owner, profiles.get(0), PROFILES.get(0));
        for (String name : PROFILES.subList(1, PROFILES.size())) {
            profiles.add(profileSetup.add(owner, name, TIMEZONE));
        }
        return profiles;
    }

    /** Invited by the owner (to one profile, or to every one when {@code profile} is null), accepted an hour later. */
    private AuthenticatedUser join(Actor owner, String name, UUID profile, Instant invitedAt) {
        String email = name.split(" ")[0].toLowerCase(Locale.ROOT) + "@demo.leadline.local";
        Role role = name.endsWith("Admin") ? Role.ADMIN : Role.MEMBER;
        UUID invitee = ApplicationClock.callAt(invitedAt, () -> invitations.invite(owner, name, email, role, profile));
        return ApplicationClock.callAt(invitedAt.plus(Duration.ofHours(1)),
                () -> invitations.acceptPending(owner.accountId(), invitee, name, PASSWORD));
    }

    private Actor actorOf(AuthenticatedUser user) {
        return actors.actorOf(user).orElseThrow();
    }
}
