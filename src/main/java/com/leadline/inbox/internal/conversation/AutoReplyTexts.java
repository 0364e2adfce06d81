package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.text.TextOutbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Leadline's own answer to a lead's text (a new lead's auto reply, a keyword's answer), inside the
 * transaction that files the text: an auto reply message without author, stamped a microsecond after
 * the text it answers so that the thread (by time, then id) shows it second, and its text on the
 * outbox, due at once. It neither opens the conversation nor clears unread flags.
 */
@Component
class AutoReplyTexts {

    private final ConversationStore conversations;
    private final TextOutbox texts;

    AutoReplyTexts(ConversationStore conversations, TextOutbox texts) {
        this.conversations = conversations;
        this.texts = texts;
    }

    /**
     * A new lead's conversation, opened by its text and answered at once by {@code reply} (none: not
     * answered): the conversation and both messages in one statement
     * ({@link ConversationStore#insertWithFirstMessages}), the reply's outbox row in that statement too; what
     * {@code insert}, {@code insertInbound} and then {@link #send} would have written.
     */
    void openAndAnswer(UUID accountId, UUID conversationId, UUID profileId, UUID contactId, String phone,
                       ConversationStore.FirstText text, Optional<String> reply, Instant now) {
        UUID message = reply.isPresent() ? UUID.randomUUID() : null;
        Instant answered = now.plus(1, ChronoUnit.MICROS);
        conversations.insertWithFirstMessages(conversationId, accountId, profileId, contactId, text, now, message,
                reply.orElse(null), answered, phone);
        if (reply.isPresent()) {
            texts.queuedInCallersStatement();
        }
    }

    /** @param keywordAnswer the answer to an opt-out keyword: sent even to a contact who just opted out */
    void send(UUID accountId, UUID conversationId, UUID profileId, String phone, String text, Instant answered, boolean keywordAnswer) {
        UUID message = conversations.insertMessage(accountId, conversationId, "auto_reply", null, text,
                answered.plus(1, ChronoUnit.MICROS));
        if (keywordAnswer) {
            texts.queueKeywordAnswer(accountId, message, profileId, phone, text, answered);
        } else {
            texts.queue(accountId, message, profileId, phone, text, answered);
        }
    }
}
