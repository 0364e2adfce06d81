package com.leadline.inbox;

import com.leadline.team.Actor;
import java.util.Optional;
import java.util.UUID;

/**
 * One conversation as it is now, for modules that tell people about it (the notifications module's emails
 * and browser notifications), through the inbox's one visibility rule: what a person may not see in the
 * Inbox, they are not told of either. Reads in the caller's transaction (or a read-only one), in the current
 * account (row-level security applies).
 */
public interface ConversationGlances {

    /**
     * @param contactName the contact's name ({@code ""} when nobody gave one)
     * @param contactPhone the contact's number in E.164 (null for none)
     * @param state       {@code new}, {@code open} or {@code closed}
     * @param preview     the start of its latest message, as the Inbox's list shows it
     */
    record Glance(UUID id, UUID profileId, UUID assigneeId, String state, String contactName, String contactPhone,
                  String preview) {

        /** The contact's name, or their number when they gave no name. */
        public String contactLabel() {
            if (contactName != null && !contactName.isBlank()) {
                return contactName;
            }
            return contactPhone == null ? "A new lead" : contactPhone;
        }
    }

    /** The conversation if the actor may see it now (empty when it does not exist or is not theirs to see). */
    Optional<Glance> glanceFor(Actor actor, UUID conversationId);
}
