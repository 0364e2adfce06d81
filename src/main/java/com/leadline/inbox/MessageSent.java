package com.leadline.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A text to the lead was written and queued: a person's reply, or one Leadline wrote (a new lead's auto
 * reply, the answer to STOP, START or HELP). Not notes, and not a failed reply sent again. Published
 * inside that transaction.
 */
public record MessageSent(UUID accountId, ConversationFacts conversation, MessageFacts message, Instant at) {
}
