package com.leadline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so time limits are tested at their exact boundaries without sleeping. */
public class TestClock extends Clock {

    private volatile Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Back to the real time (never earlier than where it stood, so stored times stay in order). */
    public void resetToNow() {
        Instant real = Instant.now();
        if (real.isAfter(now)) {
            now = real;
        }
    }
}
