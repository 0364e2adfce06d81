package com.leadline.platform.internal;

import com.leadline.platform.ApplicationClock;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The system clock in UTC, cut to whole microseconds: PostgreSQL's precision, so a stored time
 * reads back exactly as it was taken. ({@code Clock.tick} with a sub-millisecond tick fails in
 * {@code millis()} on Java 17.)
 */
final class MicrosecondClock extends ApplicationClock {

    private final Clock system = Clock.systemUTC();

    @Override
    protected Instant currentInstant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
