package com.leadline.devdata.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The benchmark's message text, the same for the same seed: sentences of 4 to 14 words drawn from a
 * vocabulary with a Zipf-like frequency (the word of rank r about as frequent as r^-1.5), so that the data
 * has words in most messages, words in a fraction of a percent of them and words in a few dozen. The
 * vocabulary starts with about a hundred real words of a dental practice's inbox, most frequent first, and goes
 * on with {@value #SYNTHETIC_WORDS} pronounceable made-up words built from syllables (the long tail).
 * {@value #ABSENT_WORD} is in none of them: the search that matches nothing.
 */
final class BenchmarkText {

    static final long SEED = 15;
    static final int SYNTHETIC_WORDS = 6_000;
    static final String ABSENT_WORD = "veneers";

    private static final double ZIPF_EXPONENT = 1.5;
    private static final int SHORTEST_SENTENCE = 4;
    private static final int LONGEST_SENTENCE = 14;

    /** In order of frequency: the first ones in most messages, the last ones (rank 100 or so) in a few thousand. */
    private static final List<String> REAL_WORDS = List.of(
            "the", "you", "to", "a", "I", "for", "is", "appointment", "my", "can", "we", "it", "this", "on", "and",
            "do", "have", "at", "thanks", "your", "with", "what", "time", "in", "be", "hi", "today", "tomorrow",
            "cleaning", "please", "week", "next", "morning", "insurance", "yes", "no", "call", "available", "tooth",
            "doctor", "office", "Friday", "Monday", "afternoon", "price", "visit", "hello", "checkup", "book",
            "confirm", "reschedule", "cancel", "Thursday", "Tuesday", "Wednesday", "pain", "filling", "parking",
            "address", "form", "new", "patient", "plan", "cost", "payment", "card", "dentist", "hygienist",
            "x-ray", "sorry", "late", "minutes", "open", "closed", "Saturday", "son", "daughter", "braces",
            "crown", "gum", "bleeding", "sensitive", "emergency", "weekend", "evening", "coverage", "deductible",
            "copay", "estimate", "referral", "records", "reminder", "text", "message", "wisdom", "extraction",
            "implant", "whitening", "root", "canal", "numb", "swelling", "retainer", "invisalign", "dentures");

    private static final String[] ONSETS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
            "br", "dr", "gr", "kl", "pl", "tr", "st", "sh", "ch", "th"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "m", "t", "nd", "rk"};

    private final long seed;
    private final List<String> vocabulary;

    BenchmarkText(long seed) {
        this.seed = seed;
        this.vocabulary = Collections.unmodifiableList(vocabulary(new SplittableRandom(seed)));
    }

    /** The words in order of frequency, the most frequent first. */
    List<String> vocabulary() {
        return vocabulary;
    }

    /** Sentence n of this seed: its first word capitalised, ending with a question mark or a full stop. */
    String sentence(long n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + n);
        int length = SHORTEST_SENTENCE + random.nextInt(LONGEST_SENTENCE - SHORTEST_SENTENCE + 1);
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String word = vocabulary.get(rank(random.nextDouble()) - 1);
            if (i == 0) {
                sentence.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                sentence.append(' ').append(word);
            }
        }
        return sentence.append(random.nextInt(3) == 0 ? '?' : '.').toString();
    }

    /**
     * The rank (1 for the most frequent word) for a uniform draw u in [0, 1): the inverse of the continuous
     * power law's distribution over [1, size + 1), rounded down.
     */
    private int rank(double u) {
        double exponent = 1 - ZIPF_EXPONENT;
        double upper = Math.pow(vocabulary.size() + 1, exponent);
        int rank = (int) Math.pow(1 - u * (1 - upper), 1 / exponent);
        return Math.min(Math.max(rank, 1), vocabulary.size());
    }

    private static List<String> vocabulary(SplittableRandom random) {
        Set<String> words = new LinkedHashSet<>(REAL_WORDS);
        Set<String> lowerCase = new LinkedHashSet<>();
        REAL_WORDS.forEach(word -> lowerCase.add(word.toLowerCase()));
        while (words.size() < REAL_WORDS.size() + SYNTHETIC_WORDS) {
            String word = syntheticWord(random);
            if (!word.equals(ABSENT_WORD) && lowerCase.add(word)) {
                words.add(word);
            }
        }
        return new ArrayList<>(words);
    }

    /** Two or three syllables, each an onset, a vowel and sometimes a closing consonant: "brainor", "stoukel". */
    private static String syntheticWord(SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)])
                    .append(CODAS[random.nextInt(CODAS.length)]);
        }
        return word.toString();
    }
}
