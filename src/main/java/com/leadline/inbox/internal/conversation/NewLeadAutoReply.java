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
 * The auto reply to a new lead, written with the conversation that its text opens, in that transaction:
 * the profile's new-lead reply while it is open, its after-hours reply while it is closed (AutoReplyRule), written
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

    /**
     * A new lead's conversation, opened by its text, and its reply (none for a contact who opted out, or
     * when the reply that applies is off or empty), written together ({@link AutoReplyTexts#openAndAnswer}).
     * {@code newContactName}: the name of a contact that the text has just made, in this transaction (empty
     * for none), which has not opted out, so neither is read again; null for a contact known before.
     */
    AutoReplyTexts.NewLead openAndAnswer(UUID accountId, Profile profile, UUID contactId, String newContactName, String phone,
                                   UUID conversationId, ConversationStore.FirstText text, Instant now) {
        Optional<String> reply;
        if (newContactName != null) {
            reply = replyFor(profile, newContactName, now);
        } else if (contacts.optOut(contactId).optedOut()) {
            reply = Optional.empty();
        } else {
            reply = replyFor(profile, contacts.find(contactId).map(ContactStore.Contact::name).orElse(null), now);
        }
        return texts.openAndAnswer(accountId, conversationId, profile.id(), contactId, phone, text, reply, now);
    }

    private Optional<String> replyFor(Profile profile, String name, Instant now) {
        return AutoReplyRule.replyFor(autoReplies.of(profile.id()), profile, name, now);
    }
}
