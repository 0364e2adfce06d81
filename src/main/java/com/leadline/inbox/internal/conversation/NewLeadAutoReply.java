package com.leadline.inbox.internal.conversation;

import com.leadline.accounts.Profiles.Profile;
import com.leadline.inbox.AutoReplies;
import com.leadline.inbox.internal.autoreply.AutoReplyRule;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.text.TextOutbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private final ConversationStore conversations;
    private final TextOutbox texts;

    NewLeadAutoReply(AutoReplies autoReplies, ContactStore contacts, ConversationStore conversations, TextOutbox texts) {
        this.autoReplies = autoReplies;
        this.contacts = contacts;
        this.conversations = conversations;
        this.texts = texts;
    }

    /** The reply's text, or empty when none was queued. */
    Optional<String> answer(UUID accountId, Profile profile, UUID contactId, String phone, UUID conversationId, Instant now) {
        if (contacts.optOut(contactId).optedOut()) {
            return Optional.empty();
        }
        String name = contacts.find(contactId).map(ContactStore.Contact::name).orElse(null);
        Optional<String> reply = AutoReplyRule.replyFor(autoReplies.of(profile.id()), profile, name, now);
        reply.ifPresent(text -> {
            // A microsecond after the lead's text, so the thread (by time, then id) always shows it second.
            Instant sent = now.plus(1, ChronoUnit.MICROS);
            UUID message = conversations.insertMessage(accountId, conversationId, "auto_reply", null, text, sent);
            texts.queue(accountId, message, profile.id(), phone, text, now);
        });
        return reply;
    }
}
