package com.leadline.inbox;

import java.time.Instant;
import java.util.UUID;

/** A lead's text or Leadbox form was filed in a conversation, new or live; published inside that transaction. */
public record MessageReceived(UUID accountId, ConversationFacts conversation, MessageFacts message, Instant at) {
}
