package com.leadline.inbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A row's time of last activity: short and relative in the list, exact in its title, in the profile's time zone. */
class ListTimesTests {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final Instant NOW = Instant.parse("2026-12-07T09:30:00Z");

    @Test
    void recentTimesAreRelativeAndOlderOnesADay() {
        assertThat(ListTimes.relative(NOW.minusSeconds(20), NOW, LISBON)).isEqualTo("Just now");
        assertThat(ListTimes.relative(NOW.minusSeconds(5 * 60 + 10), NOW, LISBON)).isEqualTo("5 min");
        assertThat(ListTimes.relative(NOW.minusSeconds(59 * 60), NOW, LISBON)).isEqualTo("59 min");
        assertThat(ListTimes.relative(Instant.parse("2026-12-07T01:05:00Z"), NOW, LISBON)).isEqualTo("01:05");
        assertThat(ListTimes.relative(Instant.parse("2026-12-06T23:59:00Z"), NOW, LISBON)).isEqualTo("Yesterday");
        assertThat(ListTimes.relative(Instant.parse("2026-12-03T12:00:00Z"), NOW, LISBON)).isEqualTo("3 Dec");
        assertThat(ListTimes.relative(Instant.parse("2025-12-03T12:00:00Z"), NOW, LISBON)).isEqualTo("3 Dec 2025");
    }

    @Test
    void todayAndYesterdayAreTheProfilesDays() {
        // 23:59 UTC on the 6th is already the 7th in Auckland (UTC+13): today there, yesterday in Lisbon.
        Instant lateOnTheSixth = Instant.parse("2026-12-06T23:59:00Z");
        assertThat(ListTimes.relative(lateOnTheSixth, NOW, AUCKLAND)).isEqualTo("12:59");
        assertThat(ListTimes.of(lateOnTheSixth, NOW, AUCKLAND).exact()).isEqualTo("Monday 7 December 2026, 12:59 (Pacific/Auckland)");
        assertThat(ListTimes.of(lateOnTheSixth, NOW, LISBON).exact()).isEqualTo("Sunday 6 December 2026, 23:59 (Europe/Lisbon)");
        assertThat(ListTimes.of(lateOnTheSixth, NOW, LISBON).iso()).isEqualTo("2026-12-06T23:59:00Z");
    }
}
