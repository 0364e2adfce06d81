package com.leadline.testing;

import com.leadline.platform.ApplicationClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A clock tests move by hand, so time limits are tested at their exact boundaries without sleeping. */
public class TestClock extends ApplicationClock {

    private volatile Instant now = realNow();
    /** The latest time the clock has shown: a clock set back (setTo) returns past it, never to an earlier one. */
    private volatile Instant latest = now;

    /** PostgreSQL keeps microseconds; a finer instant would round on the way in and compare wrongly on the way out. */
    private static Instant realNow() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    protected Instant currentInstant() {
        return now;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        remember();
    }

    /**
     * A given calendar moment, earlier or later (a daylight-saving change of a past year). What a test
     * stores meanwhile carries that time, so it asserts only on its own account's rows and puts the
     * clock back ({@link #resetToNow}, which every integration test also does first). Used once (single-use
     * codes, such as a staff member's authenticator step) stays used: the reset returns to the latest
     * time the clock showed before, not to an earlier one.
     */
    public synchronized void setTo(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.MICROS);
        remember();
    }

    /**
     * Back to the real time, never earlier than the latest time the clock has shown (so stored times stay
     * in order, and a clock set back by {@link #setTo} returns past where it stood).
     */
    public synchronized void resetToNow() {
        Instant real = realNow();
        now = real.isAfter(latest) ? real : latest;
        remember();
    }

    private void remember() {
        if (now.isAfter(latest)) {
            latest = now;
        }
    }
}
