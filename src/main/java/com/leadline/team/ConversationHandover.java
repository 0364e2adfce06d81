package com.leadline.team;

import java.util.Optional;
import java.util.UUID;

/**
 * The inbox's part in deactivating a user: how many open conversations they hold, and moving them
 * to Unassigned ({@code to} empty) or to another active member, inside the deactivation's
 * transaction. Until the inbox exists, nobody holds any.
 */
public interface ConversationHandover {

    int openConversationsAssignedTo(UUID userId);

    void transferOpenConversations(UUID fromUserId, Optional<UUID> to);
}
