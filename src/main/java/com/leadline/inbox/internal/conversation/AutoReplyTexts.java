package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.MessageFacts;
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

    /**
     * What opening a new lead's conversation wrote: the text's message id, the contact's name and email as
     * copied onto the conversation, and the auto reply (id, words and time; all null when not answered).
     */
    record NewLead(UUID inboundId, String contactName, String contactEmail, UUID replyId, String replyText, Instant replyAt) {
    }

    private final ConversationStore conversations;
    private final TextOutbox texts;
    private final ChangeEvents events;

    AutoReplyTexts(ConversationStore conversations, TextOutbox texts, ChangeEvents events) {
        this.conversations = conversations;
        this.texts = texts;
        this.events = events;
    }

    /**
     * A new lead's conversation, opened by its text and answered at once by {@code reply} (none: not
     * answered): the conversation and both messages in one statement
     * ({@link ConversationStore#insertWithFirstMessages}), the reply's outbox row in that statement too; what
     * {@code insert}, {@code insertInbound} and then {@link #send} would have written.
     */
    NewLead openAndAnswer(UUID accountId, UUID conversationId, UUID profileId, UUID contactId, String phone,
                          ConversationStore.FirstText text, Optional<String> reply, Instant now) {
        UUID message = reply.isPresent() ? UUID.randomUUID() : null;
        Instant answered = now.plus(1, ChronoUnit.MICROS);
        ConversationStore.Opened opened = conversations.insertWithFirstMessages(conversationId, accountId, profileId, contactId,
                text, now, message, reply.orElse(null), answered, phone);
        if (reply.isPresent()) {
            texts.queuedInCallersStatement();
        }
        return new NewLead(opened.inboundId(), opened.contactName(), opened.contactEmail(), message, reply.orElse(null),
                reply.isPresent() ? answered : null);
    }

    /** @param keywordAnswer the answer to an opt-out keyword: sent even to a contact who just opted out */
    void send(UUID accountId, UUID conversationId, UUID profileId, String phone, String text, Instant answered, boolean keywordAnswer) {
        Instant at = answered.plus(1, ChronoUnit.MICROS);
        ConversationStore.Written written = conversations.insertMessage(accountId, conversationId, "auto_reply", null, text, at);
        UUID message = written.messageId();
        events.sent(accountId, ChangeEvents.facts(written.conversation()), MessageFacts.outbound(message, conversationId, null, text, at));
        if (keywordAnswer) {
            texts.queueKeywordAnswer(accountId, message, profileId, phone, text, answered);
        } else {
            texts.queue(accountId, message, profileId, phone, text, answered);
        }
    }
}
