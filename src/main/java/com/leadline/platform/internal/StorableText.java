package com.leadline.platform.internal;

/**
 * The one rule for text that comes in from outside (parameters, form fields, path segments, JSON
 * strings): PostgreSQL text cannot hold U+0000, and half of a UTF-16 surrogate pair has no UTF-8 form
 * at all (the driver would silently write a question mark instead). Such text is refused at the edge
 * with a 400 naming the field, before it can reach a query.
 */
final class StorableText {

    static final String REFUSAL = "Contains a character that cannot be stored (a NUL byte or a broken character).";

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

    /** A field's name fit to be shown back: what it cannot hold replaced by U+FFFD. */
    static String shown(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> shown.appendCodePoint(
                cp == 0 || Character.getType(cp) == Character.SURROGATE ? '\uFFFD' : cp));
        return shown.toString();
    }
}
