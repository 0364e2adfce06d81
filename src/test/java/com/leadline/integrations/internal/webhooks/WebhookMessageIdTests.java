package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Message ids fit the delivery table's rule every time (the benchmark's 10,000 once met one that did not). */
class WebhookMessageIdTests {

    @Test
    void everyIdIsMsgAnd26LettersOrDigitsAndNoneRepeats() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String id = WebhookOutbox.newMessageId();
            assertThat(id).matches("msg_[A-Za-z0-9]{26}");
            ids.add(id);
        }
        assertThat(ids).hasSize(200_000);
    }
}
