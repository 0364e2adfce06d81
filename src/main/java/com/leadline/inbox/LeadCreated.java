package com.leadline.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead's text or Leadbox form opened a new conversation (New, Unassigned): the contact's first, or a
 * returning contact's whose earlier conversations are closed. Published inside the transaction that
 * files it, before the {@link MessageReceived} of the same message (and the {@link MessageSent} of its
 * auto reply, when there is one).
 */
public record LeadCreated(UUID accountId, ConversationFacts conversation, ContactFacts contact, MessageFacts message,
                          Instant at) {
}
