package com.leadline.devdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The benchmark's message text, without a database: the same for a seed, varied, and Zipf-like. */
class BenchmarkTextTests {

    private static final int SAMPLE = 20_000;

    private final BenchmarkText text = new BenchmarkText(BenchmarkText.SEED);

    @Test
    void theSameSeedGivesTheSameWordsAndSentencesAndAnotherSeedOtherOnes() {
        BenchmarkText again = new BenchmarkText(BenchmarkText.SEED);
        BenchmarkText other = new BenchmarkText(BenchmarkText.SEED + 1);

        assertThat(again.vocabulary()).isEqualTo(text.vocabulary());
        assertThat(sentences(again, 500)).isEqualTo(sentences(text, 500));
        assertThat(other.vocabulary()).isNotEqualTo(text.vocabulary());
        assertThat(sentences(other, 500)).isNotEqualTo(sentences(text, 500));
    }

    @Test
    void theVocabularyHasSeveralThousandDistinctWordsAndNotTheOneThatMatchesNothing() {
        List<String> lowerCase = text.vocabulary().stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();

        assertThat(lowerCase).hasSizeGreaterThan(5_000).doesNotHaveDuplicates()
                .allMatch(word -> word.matches("[a-z]+(-[a-z]+)?"))
                .doesNotContain(BenchmarkText.ABSENT_WORD);
        assertThat(text.vocabulary()).startsWith("the", "you").contains("appointment", "whitening");
        assertThat(sentences(text, SAMPLE)).noneMatch(sentence -> words(sentence).contains(BenchmarkText.ABSENT_WORD))
                .allMatch(sentence -> sentence.length() <= 160, "fits a conversation's preview whole");
    }

    @Test
    void aFewWordsAreInManySentencesAndMostInVeryFew() {
        Map<String, Integer> sentencesWith = new HashMap<>();
        for (String sentence : sentences(text, SAMPLE)) {
            words(sentence).stream().distinct().forEach(word -> sentencesWith.merge(word, 1, Integer::sum));
        }
        List<String> vocabulary = text.vocabulary().stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();

        assertThat(sentencesWith.get("the")).as("the most frequent word").isGreaterThan(SAMPLE * 8 / 10);
        assertThat(sentencesWith.get("appointment")).as("a common word").isBetween(SAMPLE / 20, SAMPLE / 4);
        assertThat(sentencesWith.get("whitening")).as("a medium word").isBetween(SAMPLE / 1_000, SAMPLE / 100);
        int tail = IntStream.range(vocabulary.size() - 1_000, vocabulary.size())
                .map(rank -> sentencesWith.getOrDefault(vocabulary.get(rank), 0)).sum();
        assertThat(tail).as("the 1,000 rarest words, in fewer than one sentence each on average").isLessThan(1_000);
        assertThat(sentencesWith).as("distinct words in the sample").hasSizeGreaterThan(1_500);
    }

    private static List<String> sentences(BenchmarkText text, int count) {
        return IntStream.range(0, count).mapToObj(text::sentence).toList();
    }

    private static List<String> words(String sentence) {
        return List.of(sentence.toLowerCase(Locale.ROOT).replaceAll("[.?]$", "").split(" "));
    }
}
