package com.leadline.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The system clock in UTC, cut to whole microseconds: PostgreSQL's precision, so a stored time
 * reads back exactly as it was taken. ({@code Clock.tick} with a sub-millisecond tick fails in
 * {@code millis()} on Java 17.)
 */
final class MicrosecondClock extends Clock {

    private final Clock system = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Leadline keeps time in UTC");
    }

    @Override
    public Instant instant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
