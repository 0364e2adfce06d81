package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptOutKeywordTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "STOP|STOP", "stop|STOP", "' Stop '|STOP", "STOPALL|STOP", "unsubscribe|STOP", "Cancel|STOP", "END|STOP", "quit|STOP",
            "START|START", "yes|START", "Unstop|START", "HELP|HELP", "help|HELP"})
    void aKeywordAloneInTheTextIsRecognisedInAnyCase(String text, OptOutKeyword keyword) {
        assertThat(OptOutKeyword.of(text)).contains(keyword);
    }

    @org.junit.jupiter.api.Test
    void aProviderAnswersTheKeywordsUnlessConfiguredOtherwiseAndTheDevChannelDoesNot() {
        assertThat(KeywordAnswers.providerAnswers(null, true)).isTrue();
        assertThat(KeywordAnswers.providerAnswers(null, false)).isFalse();
        assertThat(KeywordAnswers.providerAnswers(false, true)).isFalse();
        assertThat(KeywordAnswers.providerAnswers(true, false)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"stop it", "Please stop", "STOP!", "yes please", "helpful", "end of day works", "''", "S T O P"})
    void aKeywordInsideOtherWordsIsAnOrdinaryText(String text) {
        assertThat(OptOutKeyword.of(text)).isEqualTo(Optional.empty());
    }
}
