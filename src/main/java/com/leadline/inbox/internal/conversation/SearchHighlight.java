package com.leadline.inbox.internal.conversation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words of a matched message to highlight, and the part of it to show: the words of the message
 * that the search's words name (folded as the database folds them: lower case, accents removed; the last
 * search word as a prefix, as the search reads it). Only plain text comes out, in segments; the pages and
 * the API escape it like any other text.
 */
public final class SearchHighlight {

    /** A piece of a message, marked when it is a word the search found. */
    public record Segment(String text, boolean matched) {
    }

    /** The message that matched and the part of it shown, in segments. */
    public record Match(UUID messageId, List<Segment> segments) {
    }

    /** How much of a long message is shown around its first matched word. */
    static final int SHOWN = 160;
    private static final int BEFORE_FIRST = 40;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<String> words;

    private SearchHighlight(List<String> words) {
        this.words = words;
    }

    public static SearchHighlight of(String search) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(search == null ? "" : search);
        while (word.find()) {
            words.add(fold(word.group()));
        }
        return new SearchHighlight(words);
    }

    Match match(UUID messageId, String text) {
        List<int[]> hits = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (isSearched(fold(word.group()))) {
                hits.add(new int[] {word.start(), word.end()});
            }
        }
        return new Match(messageId, segments(text, hits));
    }

    private boolean isSearched(String folded) {
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            if (last ? folded.startsWith(words.get(i)) : folded.equals(words.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<Segment> segments(String text, List<int[]> hits) {
        int from = 0;
        int to = text.length();
        if (text.length() > SHOWN) {
            int first = hits.isEmpty() ? 0 : hits.get(0)[0];
            from = Math.max(0, first - BEFORE_FIRST);
            while (from > 0 && from > first - SHOWN / 2 && !Character.isWhitespace(text.charAt(from - 1))) {
                from--;
            }
            to = Math.min(text.length(), from + SHOWN);
        }
        List<Segment> segments = new ArrayList<>();
        if (from > 0) {
            segments.add(new Segment("…", false));
        }
        int at = from;
        for (int[] hit : hits) {
            if (hit[0] < from || hit[1] > to) {
                continue;
            }
            if (hit[0] > at) {
                segments.add(new Segment(text.substring(at, hit[0]), false));
            }
            segments.add(new Segment(text.substring(hit[0], hit[1]), true));
            at = hit[1];
        }
        if (at < to) {
            segments.add(new Segment(text.substring(at, to), false));
        }
        if (to < text.length()) {
            segments.add(new Segment("…", false));
        }
        return segments;
    }

    static String fold(String word) {
        if (isAscii(word)) {
            // Nothing to take apart or remove: most words, and the normalisation is most of the time spent here.
            return word.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
