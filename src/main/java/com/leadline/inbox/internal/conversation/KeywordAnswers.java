package com.leadline.inbox.internal.conversation;

import com.leadline.accounts.Profiles.Profile;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.text.TextOutbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What an opt-out keyword does, inside the transaction that files it: STOP and its synonyms opt the
 * contact out of the profile's texts, START and its synonyms opt them back in, and each (HELP too)
 * is answered once, as an auto reply, unless the provider answers these keywords itself
 * ({@code leadline.texts.provider-answers-keywords}, the provider's advanced opt-out): then the
 * change is recorded and nothing more is sent.
 */
@Component
class KeywordAnswers {

    private final ContactStore contacts;
    private final ConversationStore conversations;
    private final TextOutbox texts;
    private final boolean providerAnswers;

    KeywordAnswers(ContactStore contacts, ConversationStore conversations, TextOutbox texts,
                   @Value("${leadline.texts.provider-answers-keywords:false}") boolean providerAnswers) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.texts = texts;
        this.providerAnswers = providerAnswers;
    }

    void apply(OptOutKeyword keyword, UUID accountId, Profile profile, UUID contactId, String phone, UUID conversationId,
               Instant now) {
        switch (keyword) {
            case STOP -> contacts.changeOptOut(contactId, true, now);
            case START -> contacts.changeOptOut(contactId, false, now);
            case HELP -> {
            }
        }
        if (!providerAnswers) {
            String answer = answer(keyword, profile);
            UUID message = conversations.insertMessage(accountId, conversationId, "auto_reply", null, answer, now);
            texts.queueKeywordAnswer(accountId, message, profile.id(), phone, answer, now);
        }
    }

    static String answer(OptOutKeyword keyword, Profile profile) {
        String name = profile.settings().name();
        return switch (keyword) {
            case STOP -> name + ": you are unsubscribed and will get no more texts from this number. Reply START to subscribe again.";
            case START -> name + ": you are subscribed again. Reply STOP to unsubscribe, HELP for help.";
            case HELP -> profile.texting().helpText().isBlank()
                    ? name + ": reply STOP to unsubscribe. Message and data rates may apply."
                    : profile.texting().helpText();
        };
    }
}
