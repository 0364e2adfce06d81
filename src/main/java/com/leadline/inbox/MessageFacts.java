package com.leadline.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message of a conversation as it was written, for the inbox's events.
 *
 * @param direction {@code inbound} (the lead wrote it) or {@code outbound} (the business's text to the lead)
 * @param channel   {@code leadbox} for a lead's Leadbox form, {@code sms} for every text
 * @param authorId  the person who sent an outbound reply; null for inbound messages and auto replies
 * @param automatic whether Leadline wrote it (an auto reply to a new lead, an answer to STOP, START or HELP)
 * @param pageUrl   the web page a Leadbox form was sent from, when known; null otherwise
 * @param createdAt when it was received, or written and queued to be texted (not when the provider delivered it)
 */
public record MessageFacts(UUID id, UUID conversationId, String direction, String channel, UUID authorId, boolean automatic,
                           String body, List<String> mediaUrls, String pageUrl, Instant createdAt) {

    public static MessageFacts inbound(UUID id, UUID conversationId, boolean leadbox, String body, List<String> mediaUrls,
                                       String pageUrl, Instant at) {
        return new MessageFacts(id, conversationId, "inbound", leadbox ? "leadbox" : "sms", null, false, body,
                List.copyOf(mediaUrls), pageUrl, at);
    }

    public static MessageFacts outbound(UUID id, UUID conversationId, UUID authorId, String body, Instant at) {
        return new MessageFacts(id, conversationId, "outbound", "sms", authorId, authorId == null, body, List.of(), null, at);
    }
}
