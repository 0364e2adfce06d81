package com.leadline.team;

import java.time.Instant;
import java.util.UUID;

/**
 * A member was deactivated; published inside the deactivation's transaction, after the inbox's
 * {@code ConversationAssigned} events of the conversations handed over.
 *
 * @param handover      what became of their open conversations: {@code keep}, {@code unassigned} or {@code member}
 * @param transferredTo the member who took them, with {@code member}; null otherwise
 */
public record MemberDeactivated(UUID accountId, MemberFacts member, UUID deactivatedBy, String handover, UUID transferredTo,
                                int openConversations, Instant at) {
}
