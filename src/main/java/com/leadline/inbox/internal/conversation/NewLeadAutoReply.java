package com.leadline.inbox.internal.conversation;

import com.leadline.accounts.Profiles.Profile;
import com.leadline.inbox.AutoReplies;
import com.leadline.inbox.internal.autoreply.AutoReplyRule;
import com.leadline.inbox.internal.contact.ContactStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The auto reply to a new lead, inside the transaction that opens its conversation: the profile's
 * new-lead reply while it is open, its after-hours reply while it is closed (AutoReplyRule), written
 * as an auto reply (no author) and queued on the text outbox. Nothing for a contact who opted out, or
 * when the reply that applies is off or empty. It leaves the conversation New and its unread flags
 * as they are: it is not a human reply.
 */
@Component
class NewLeadAutoReply {

    private final AutoReplies autoReplies;
    private final ContactStore contacts;
    private final AutoReplyTexts texts;

    NewLeadAutoReply(AutoReplies autoReplies, ContactStore contacts, AutoReplyTexts texts) {
        this.autoReplies = autoReplies;
        this.contacts = contacts;
        this.texts = texts;
    }

    /** The reply's text, or empty when none was queued. */
    Optional<String> answer(UUID accountId, Profile profile, UUID contactId, String phone, UUID conversationId, Instant now) {
        if (contacts.optOut(contactId).optedOut()) {
            return Optional.empty();
        }
        String name = contacts.find(contactId).map(ContactStore.Contact::name).orElse(null);
        return reply(accountId, profile, name, phone, conversationId, now);
    }

    /**
     * {@link #answer} for a contact that the lead's text has just made, in this transaction: it has not
     * opted out and has the name it was made with ({@code name}, empty for none), so neither is read again.
     */
    Optional<String> answerNewContact(UUID accountId, Profile profile, String name, String phone, UUID conversationId, Instant now) {
        return reply(accountId, profile, name, phone, conversationId, now);
    }

    private Optional<String> reply(UUID accountId, Profile profile, String name, String phone, UUID conversationId, Instant now) {
        Optional<String> reply = AutoReplyRule.replyFor(autoReplies.of(profile.id()), profile, name, now);
        reply.ifPresent(text -> texts.send(accountId, conversationId, profile.id(), phone, text, now, false));
        return reply;
    }
}
