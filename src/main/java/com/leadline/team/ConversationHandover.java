package com.leadline.team;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox's part in deactivating a user: how many open conversations they hold and in which
 * profiles, moving them to Unassigned ({@code to} empty) or to another active member inside the
 * deactivation's transaction, and, afterwards, what deactivated people still hold.
 */
public interface ConversationHandover {

    int openConversationsAssignedTo(UUID userId);

    /** The profiles of the user's open conversations: whoever takes them all over must work in every one. */
    Set<UUID> profilesOfOpenConversationsAssignedTo(UUID userId);

    /** @param byUserId the person deactivating them, named by the inbox's {@code ConversationAssigned} events */
    void transferOpenConversations(UUID fromUserId, Optional<UUID> to, UUID byUserId);

    /**
     * A deactivated person's open conversations that the viewer sees, and the active people who work in
     * every profile of them (who may take them all).
     */
    record Holding(UUID userId, String name, int openConversations, List<Memberships.Worker> recipients) {
    }

    /** For those who see conversations assigned to others; nothing for team members. */
    List<Holding> openHeldByDeactivatedUsers(Actor viewer);
}
