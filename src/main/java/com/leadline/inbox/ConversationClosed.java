package com.leadline.inbox;

import java.time.Instant;
import java.util.UUID;

/** A conversation was closed with an outcome; published inside that transaction. */
public record ConversationClosed(UUID accountId, ConversationFacts conversation, UUID closedBy, Instant at) {
}
