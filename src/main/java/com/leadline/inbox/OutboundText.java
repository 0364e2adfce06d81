package com.leadline.inbox;

import java.util.UUID;

/**
 * A text to send to a lead.
 *
 * @param outboxId  its text outbox row: the same for every attempt of one text, and what the
 *                  provider's status reports name (see {@link TextDeliveries})
 * @param profileId the profile it is sent from
 * @param from      the profile's sending number in E.164 form; null when the profile has none yet
 * @param to        the lead's phone number in E.164 form, such as +15551234567
 * @param body      1 to 1,600 characters
 */
public record OutboundText(long outboxId, UUID accountId, UUID profileId, String from, String to, String body) {
}
