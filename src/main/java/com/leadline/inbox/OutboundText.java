package com.leadline.inbox;

import java.util.UUID;

/**
 * A text to send to a lead.
 *
 * @param idempotencyKey the same for every attempt of one text (its outbox row), different for any other text
 * @param profileId      the profile it is sent from: the adapter picks that profile's sending number
 * @param to             the lead's phone number in E.164 form, such as +15551234567
 * @param body           1 to 1,600 characters
 */
public record OutboundText(String idempotencyKey, UUID accountId, UUID profileId, String to, String body) {
}
