package com.leadline.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation's assignee changed (assigned, transferred, moved in bulk, handed over when its holder was
 * deactivated, or dropped when it moved to a profile its holder does not work in); published inside that
 * transaction, once per conversation. {@code conversation.assigneeId()} is the new holder (null: Unassigned).
 *
 * @param assignedBy the person who did it
 */
public record ConversationAssigned(UUID accountId, ConversationFacts conversation, UUID previousAssigneeId,
                                   UUID assignedBy, Instant at) {
}
