package com.leadline.inbox.internal.conversation;

import com.leadline.accounts.Profiles.Profile;
import com.leadline.inbox.internal.contact.ContactStore;
import java.time.Instant;
import java.util.UUID;
import com.leadline.inbox.TextChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What an opt-out keyword does, inside the transaction that files it: STOP and its synonyms opt the
 * contact out of the profile's texts, START and its synonyms opt them back in, and each that changes
 * the contact's state (and every HELP) is answered once, as an auto reply, unless the provider
 * answers these keywords itself ({@code leadline.texts.provider-answers-keywords}; by default when a
 * provider adapter is configured): then the change is recorded and nothing more is sent.
 */
@Component
class KeywordAnswers {

    private final ContactStore contacts;
    private final AutoReplyTexts autoReplies;
    private final boolean providerAnswers;

    @Autowired
    KeywordAnswers(ContactStore contacts, AutoReplyTexts autoReplies,
                   @Value("${leadline.texts.provider-answers-keywords:#{null}}") Boolean configured, ObjectProvider<TextChannel> adapters) {
        this(contacts, autoReplies, providerAnswers(configured, adapters.getIfAvailable() != null));
    }

    KeywordAnswers(ContactStore contacts, AutoReplyTexts autoReplies, boolean providerAnswers) {
        this.contacts = contacts;
        this.autoReplies = autoReplies;
        this.providerAnswers = providerAnswers;
    }

    /**
     * Unless configured, a provider answers the keywords itself (Twilio does for every long code and
     * toll-free number, and then refuses to send after STOP: error 21610), and the dev channel does not.
     */
    static boolean providerAnswers(Boolean configured, boolean providerAdapter) {
        return configured != null ? configured : providerAdapter;
    }

    void apply(OptOutKeyword keyword, UUID accountId, Profile profile, UUID contactId, String phone, UUID conversationId,
               Instant now) {
        // STOP and START are answered only when they change something: "Yes" to a question is no opt-in.
        boolean changed = switch (keyword) {
            case STOP -> contacts.changeOptOut(contactId, true, now);
            case START -> contacts.changeOptOut(contactId, false, now);
            case HELP -> true;
        };
        if (changed && !providerAnswers) {
            autoReplies.send(accountId, conversationId, profile.id(), phone, answer(keyword, profile), now, true);
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
