package com.leadline.testing;

import com.leadline.platform.ApplicationClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A clock tests move by hand, so time limits are tested at their exact boundaries without sleeping. */
public class TestClock extends ApplicationClock {

    private volatile Instant now = realNow();

    /** PostgreSQL keeps microseconds; a finer instant would round on the way in and compare wrongly on the way out. */
    private static Instant realNow() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    protected Instant currentInstant() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /**
     * A given calendar moment, earlier or later (a daylight-saving change of a past year). What a test
     * stores meanwhile carries that time, so it asserts only on its own account's rows and puts the
     * clock back ({@link #resetToNow}, which every integration test also does first).
     */
    public void setTo(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Back to the real time (never earlier than where it stood, so stored times stay in order). */
    public void resetToNow() {
        Instant real = realNow();
        if (real.isAfter(now)) {
            now = real;
        }
    }
}
