package com.leadline.platform.internal;

/**
 * The one rule for text that comes in from outside (parameters, form fields, path segments, JSON
 * strings): PostgreSQL text cannot hold U+0000, and half of a UTF-16 surrogate pair has no UTF-8 form
 * at all (the driver would silently write a question mark instead). Such text is refused at the edge
 * with a 400 naming the field, before it can reach a query.
 */
final class StorableText {

    static final String REFUSAL = "Contains a character that cannot be stored (a NUL byte or a broken character).";
    /** The refusal as a whole, above the fields named with {@link #REFUSAL}. */
    static final String SUMMARY = "Some of what was sent cannot be stored.";

    private StorableText() {
    }

    static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text from outside fit to be shown back or logged (a field's name, Tomcat's words about a request):
     * what cannot be stored replaced by U+FFFD, and line breaks and other control characters escaped as a
     * Java string literal writes them, so that a name sent as {@code x%0D%0A...} cannot start a log line of its own.
     */
    static String shown(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == 0 || Character.getType(cp) == Character.SURROGATE) {
                shown.append('\uFFFD');
            } else if (cp == '\n') {
                shown.append("\\n");
            } else if (cp == '\r') {
                shown.append("\\r");
            } else if (cp == '\t') {
                shown.append("\\t");
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                shown.append(String.format("\\u%04x", cp));
            } else {
                shown.appendCodePoint(cp);
            }
        });
        return shown.toString();
    }
}
