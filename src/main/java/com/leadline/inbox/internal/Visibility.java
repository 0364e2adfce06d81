package com.leadline.inbox.internal;

import com.leadline.team.Actor;
import com.leadline.team.Role;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one rule for who sees which conversation (PRODUCT.md section 6, PERMISSIONS.md rows 25-30): a
 * conversation in one of the actor's profiles, and, for a team member, only if it is unassigned or
 * assigned to them. The same object gives the SQL predicate of every list, count and search, and the
 * check of every single read and write; nothing else decides visibility.
 */
final class Visibility {

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

    static Visibility of(Actor actor) {
        return new Visibility(actor.userId(), actor.accountId(), actor.profileIds(), actor.role() != Role.MEMBER);
    }

    /**
     * The predicate over the conversations alias {@code c}; bind its parameters with {@link #bind}, which
     * also binds {@code :viewer} and {@code :account} for the queries built around it. Its text differs
     * for team members, rather than a parameter deciding, so PostgreSQL plans each query for the rule
     * that really applies.
     */
    String predicate() {
        return seesAssignedToOthers ? "(c.profile_id = ANY (:visibleProfiles))"
                : "(c.profile_id = ANY (:visibleProfiles) AND (c.assignee_id IS NULL OR c.assignee_id = :viewer))";
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("visibleProfiles", profiles.toArray(UUID[]::new))
                .param("viewer", viewer)
                .param("account", accountId);
    }

    /** Admins, the owner and partner users see conversations assigned to others; team members never do. */
    boolean seesAssignedToOthers() {
        return seesAssignedToOthers;
    }

    Set<UUID> profiles() {
        return profiles;
    }

    boolean allows(UUID profileId, UUID assigneeId) {
        return profiles.contains(profileId) && (seesAssignedToOthers || assigneeId == null || assigneeId.equals(viewer));
    }
}
