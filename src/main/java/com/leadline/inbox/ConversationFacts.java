package com.leadline.inbox;

import java.util.UUID;

/**
 * A conversation as a change left it, for the inbox's events: where it is (profile), whose contact, its
 * state ({@code new}, {@code open}, {@code closed}), who holds it (null: Unassigned) and, once closed, its
 * outcome ({@code won}, {@code lost}, {@code other}; null before).
 */
public record ConversationFacts(UUID id, UUID profileId, UUID contactId, String state, UUID assigneeId, String outcome) {

    public ConversationFacts withAssignee(UUID assignee) {
        return new ConversationFacts(id, profileId, contactId, state, assignee, outcome);
    }
}
