package com.leadline.inbox.internal.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords carriers require a business's texting to honour, when one is the whole text (any case,
 * surrounding spaces ignored): the opt-out words, the opt-in words and HELP.
 */
enum OptOutKeyword {
    STOP(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")),
    START(Set.of("START", "YES", "UNSTOP")),
    HELP(Set.of("HELP"));

    private final Set<String> words;

    OptOutKeyword(Set<String> words) {
        this.words = words;
    }

    static Optional<OptOutKeyword> of(String text) {
        String word = text.strip().toUpperCase(Locale.ROOT);
        for (OptOutKeyword keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
