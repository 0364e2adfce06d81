package com.leadline.inbox.internal;

import com.leadline.platform.InvalidInputException;

/**
 * A search typed in the Inbox or on the Contacts page, without the blanks around it. Too long a search is
 * refused (422, field {@code q}), never cut: cut, it would quietly look for something else. The rest is
 * only text to the database (V36's {@code inbox_search_query} and {@code inbox_contact_pattern}).
 */
public final class SearchText {

    public static final int MAX_LENGTH = 200;
    /** A trigram index looks up substrings of three characters or more: names, emails and phone digits. */
    public static final int SHORTEST_SUBSTRING = 3;

    private SearchText() {
    }

    /** The Inbox's search: its words are looked up whatever their length (the last one as a prefix). */
    public static String checked(String search) {
        String text = search == null ? "" : search.strip();
        if (text.length() > MAX_LENGTH) {
            throw InvalidInputException.of("q", "A search can be at most " + MAX_LENGTH + " characters long.");
        }
        return text;
    }

    /** The Contacts page's search: a part of a name, email or phone number, so at least three characters. */
    public static String checkedSubstring(String search) {
        String text = checked(search);
        if (!text.isEmpty() && text.length() < SHORTEST_SUBSTRING) {
            throw InvalidInputException.of("q", "Type at least " + SHORTEST_SUBSTRING + " characters of a name, email or phone number.");
        }
        return text;
    }
}
