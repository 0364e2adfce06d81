package com.leadline.inbox;

import com.leadline.accounts.Profiles.Profile;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one door for texts that leads send: every channel (an SMS provider's webhook, the local dev
 * channel) calls it once it knows which profile of which account the text was sent to.
 */
public interface InboundTexts {

    /**
     * A text as a channel received it.
     *
     * @param fromPhone         the sender's number as the channel gives it; read with libphonenumber in
     *                          the profile's country when it has no country code
     * @param body              up to 1,600 characters; may be empty when the text carries media
     * @param providerMessageId the provider's id for it (a repeated one is filed once), null for the dev channel
     * @param mediaUrls         links to an MMS's media, up to 10
     * @param leadboxForm       what else a lead typed in a Leadbox form; null for a text message
     */
    record InboundText(UUID accountId, UUID profileId, String fromPhone, String body, String providerMessageId,
                       List<String> mediaUrls, LeadboxForm leadboxForm) {

        public InboundText(UUID accountId, UUID profileId, String fromPhone, String body, String providerMessageId,
                           List<String> mediaUrls) {
            this(accountId, profileId, fromPhone, body, providerMessageId, mediaUrls, null);
        }

        public static InboundText plain(UUID accountId, UUID profileId, String fromPhone, String body) {
            return new InboundText(accountId, profileId, fromPhone, body, null, List.of());
        }

        /**
         * A message sent with a profile's Leadbox form. Its idempotency key is its channel id: the same
         * form sent twice is filed once. Opt-out keywords are words of text messages: not read here.
         */
        public static InboundText fromLeadbox(UUID accountId, UUID profileId, String phone, String message,
                                              String idempotencyKey, LeadboxForm form) {
            return new InboundText(accountId, profileId, phone, message, LEADBOX_ID_PREFIX + idempotencyKey, List.of(), form);
        }
    }

    /** Channel ids of Leadbox messages start with this; the rest is the form's idempotency key (up to 56 characters). */
    String LEADBOX_ID_PREFIX = "leadbox:";

    /**
     * @param name    the name the lead typed (up to 200 characters), given to a contact that has none
     * @param pageUrl the http(s) address of the page the form was sent from, up to 2,000 characters; null if unknown
     */
    record LeadboxForm(String name, String pageUrl) {
    }

    /**
     * Files the text in the contact's live conversation of the profile, or starts a new one (New,
     * Unassigned), creating the contact at its first text; open inboxes that may see the conversation
     * hear of it. A text that is only an opt-out keyword (STOP, START, HELP and their synonyms) also
     * changes the contact's opt-out and is answered (docs/texting.md). One transaction.
     *
     * @return the conversation the text is now part of; empty when its provider id was filed before
     * @throws com.leadline.platform.InvalidInputException when the number cannot be read or the body is
     *         empty (without media) or longer than 1,600 characters; not found (404) when the profile
     *         is not one of the account's
     */
    Optional<UUID> receive(InboundText text);

    /**
     * {@link #receive} of a text whose channel has just read its profile (the Leadbox reads it to check
     * the lead's number): that profile is used instead of reading it again. It must be the text's profile
     * ({@code profile.id()} is {@code text.profileId()}), read in the text's account.
     *
     * @throws IllegalArgumentException when the profile is not the text's
     */
    Optional<UUID> receive(InboundText text, Profile profile);

    /** {@link #receive} of a text without provider id or media. */
    default UUID receiveInbound(UUID accountId, UUID profileId, String fromPhone, String body) {
        return receive(InboundText.plain(accountId, profileId, fromPhone, body)).orElseThrow();
    }
}
