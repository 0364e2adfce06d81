package com.leadline.inbox;

import java.util.UUID;

/**
 * The one door for texts that leads send: every channel (an SMS provider's webhook, the local dev
 * channel) calls it once it knows which profile of which account the text was sent to.
 */
public interface InboundTexts {

    /**
     * Files a text from {@code fromPhone} in the contact's live conversation of the profile, or
     * starts a new one (New, Unassigned), creating the contact at its first text; open inboxes that
     * may see the conversation hear of it. One transaction.
     *
     * @param fromPhone the sender's number in E.164 form, such as +15551234567
     * @return the conversation the text is now part of
     * @throws com.leadline.platform.InvalidInputException when the number is not in
     *         E.164 form or the body is empty or longer than 1,600 characters; not found (404) when
     *         the profile is not one of the account's
     */
    UUID receiveInbound(UUID accountId, UUID profileId, String fromPhone, String body);
}
