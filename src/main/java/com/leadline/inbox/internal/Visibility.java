package com.leadline.inbox.internal;

import com.leadline.team.Actor;
import com.leadline.team.Role;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one rule for who sees which conversation (PRODUCT.md section 6, PERMISSIONS.md rows 25-30): a
 * conversation in one of the actor's profiles, and, for a team member, only if it is unassigned or
 * assigned to them. The same object binds the rule into every list, count and search, and checks every
 * single read and write; nothing else decides visibility.
 *
 * <p>Every statement that lists or counts conversations (alias {@code c}) writes the rule out in full as
 * {@code c.profile_id = ANY (:visibleProfiles) AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR
 * c.assignee_id = :viewer)}, and {@link #bind} gives its parameters (and {@code :account}). The role is a
 * parameter, not a second text: the columns it tests are in every index the lists walk, so it only
 * filters the rows an index has already narrowed, and each statement keeps one plan.
 */
public final class Visibility {

    private final UUID viewer;
    private final UUID accountId;
    private final Set<UUID> profiles;
    private final boolean seesAssignedToOthers;

    private Visibility(UUID viewer, UUID accountId, Set<UUID> profiles, boolean seesAssignedToOthers) {
        this.viewer = viewer;
        this.accountId = accountId;
        this.profiles = profiles;
        this.seesAssignedToOthers = seesAssignedToOthers;
    }

    public static Visibility of(Actor actor) {
        return new Visibility(actor.userId(), actor.accountId(), actor.profileIds(), actor.role() != Role.MEMBER);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("visibleProfiles", profiles.toArray(UUID[]::new))
                .param("seesAssignedToOthers", seesAssignedToOthers)
                .param("viewer", viewer)
                .param("account", accountId);
    }

    /** The rule with only this profile's conversations left (none if it is not one of the actor's); null: as it is. */
    public Visibility narrowedTo(UUID profileId) {
        if (profileId == null) {
            return this;
        }
        return new Visibility(viewer, accountId, profiles.contains(profileId) ? Set.of(profileId) : Set.of(), seesAssignedToOthers);
    }

    /** Admins, the owner and partner users see conversations assigned to others; team members never do. */
    public boolean seesAssignedToOthers() {
        return seesAssignedToOthers;
    }

    public Set<UUID> profiles() {
        return profiles;
    }

    public UUID viewer() {
        return viewer;
    }

    public boolean allows(UUID profileId, UUID assigneeId) {
        return profiles.contains(profileId) && (seesAssignedToOthers || assigneeId == null || assigneeId.equals(viewer));
    }
}
