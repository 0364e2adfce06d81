package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every event of every change asks for a message id inside its transaction: an id that cannot be made
 * fails the change. Drawn often enough that the rare random text with many {@code -} and {@code _}
 * (about one in ten thousand drops more than six) comes up, and it still gives 26 letters and digits.
 */
class WebhookMessageIdTests {

    private static final Pattern SHAPE = Pattern.compile("msg_[A-Za-z0-9]{26}");

    @Test
    void everyIdIsMsgAndTwentySixLettersOrDigitsAndTheyDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String id = WebhookOutbox.newMessageId();
            assertThat(SHAPE.matcher(id).matches()).as(id).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(200_000);
    }
}
