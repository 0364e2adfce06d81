package com.leadline.inbox.internal.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a conversation row says when it was last active: relative and short ("Just now", "5 min", "14:05",
 * "Yesterday", "3 Dec", "3 Dec 2025"), and the exact time in full for its title, in a given time zone.
 */
final class ListTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** A row's time: the short words shown, the exact time for the title, and the instant for {@code <time datetime>}. */
    record RowTime(String relative, String exact, String iso) {
    }

    private ListTimes() {
    }

    static RowTime of(Instant at, Instant now, ZoneId zone) {
        return new RowTime(relative(at, now, zone), EXACT.format(at.atZone(zone)) + " (" + zone.getId() + ")", at.toString());
    }

    static String relative(Instant at, Instant now, ZoneId zone) {
        Duration ago = Duration.between(at, now);
        if (ago.compareTo(Duration.ofMinutes(1)) < 0) {
            return "Just now";
        }
        if (ago.compareTo(Duration.ofHours(1)) < 0) {
            return ago.toMinutes() + " min";
        }
        ZonedDateTime then = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (then.toLocalDate().equals(today)) {
            return TIME.format(then);
        }
        if (then.toLocalDate().equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return then.getYear() == today.getYear() ? DAY.format(then) : DAY_AND_YEAR.format(then);
    }
}
