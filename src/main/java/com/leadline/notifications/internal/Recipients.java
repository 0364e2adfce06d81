package com.leadline.notifications.internal;

import com.leadline.identity.Identities;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.team.Actor;
import com.leadline.team.ActorLookup;
import com.leadline.team.Memberships;
import com.leadline.team.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may be told, and what they chose: an active user of the current account (its owner, an admin or a
 * team member; never a deactivated or invited one, and never a partner user, who belongs to their agency's
 * account) with their role and profiles as the team module reads them now, and their effective choices.
 * In the caller's transaction and account.
 */
@Component
class Recipients {

    /**
     * The owner and admins who work in more than this many profiles get the digest by default instead of an
     * email for each lead: one profile's leads are theirs to answer; several profiles' are many emails.
     */
    static final int PROFILES_FOR_ONE_EMAIL_EACH = 1;

    record Recipient(UUID userId, String name, String email, Actor actor, boolean assignmentEmail, NewLeadChoice newLead) {
    }

    private final Identities identities;
    private final ActorLookup actors;
    private final Memberships memberships;
    private final Preferences preferences;

    Recipients(Identities identities, ActorLookup actors, Memberships memberships, Preferences preferences) {
        this.identities = identities;
        this.actors = actors;
        this.memberships = memberships;
        this.preferences = preferences;
    }

    /** The new-lead choice of someone who never chose: a digest for the owner and admins of several profiles. */
    static NewLeadChoice defaultNewLead(Actor actor) {
        boolean ownerOrAdmin = actor.role() == Role.OWNER || actor.role() == Role.ADMIN;
        return ownerOrAdmin && actor.profileIds().size() > PROFILES_FOR_ONE_EMAIL_EACH ? NewLeadChoice.DIGEST : NewLeadChoice.EACH;
    }

    Optional<Recipient> find(UUID accountId, UUID userId) {
        return find(accountId, userId, preferences.of(userId));
    }

    /** The active people who work in the profile (those who see its unassigned conversations), with their choices. */
    List<Recipient> ofProfile(UUID accountId, UUID profileId) {
        List<UUID> workers = memberships.workersOf(profileId).stream().map(Memberships.Worker::userId).toList();
        Map<UUID, Preferences.Stored> stored = preferences.ofAll(workers);
        return workers.stream()
                .flatMap(userId -> find(accountId, userId, stored.getOrDefault(userId, Preferences.Stored.NONE)).stream())
                .toList();
    }

    private Optional<Recipient> find(UUID accountId, UUID userId, Preferences.Stored stored) {
        return identities.user(userId)
                .filter(user -> user.accountId().equals(accountId) && user.status() == Identities.UserStatus.ACTIVE)
                .flatMap(user -> actors.actorOf(new AuthenticatedUser(user.id(), accountId, accountId, user.name(), user.email()))
                        .filter(actor -> !actor.role().isPartner())
                        .map(actor -> new Recipient(user.id(), user.name(), user.email(), actor,
                                stored.assignmentEmail() == null || stored.assignmentEmail(),
                                stored.newLead() == null ? defaultNewLead(actor) : stored.newLead())));
    }
}
