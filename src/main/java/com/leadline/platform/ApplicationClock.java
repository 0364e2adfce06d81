package com.leadline.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The application's clock, in UTC, which every use case reads the time from. Work a system actor
 * ({@link CallerContext}) starts with {@link #callAt} reads the instant given there instead, on its own
 * thread and only while it runs: how the demo seeder places what it loads over past days through the
 * same use cases a person goes through. A web request can't set it (docs/adr/0005-seed-data.md says why
 * it is made this way).
 */
public abstract class ApplicationClock extends Clock {

    private static final ThreadLocal<Instant> SET_FOR_THIS_WORK = new ThreadLocal<>();

    /**
     * Runs the work with the clock reading {@code instant}, then gives the thread its previous time back.
     *
     * @throws IllegalStateException for anyone but a system actor, and inside a web request (even as one)
     */
    public static <T> T callAt(Instant instant, Supplier<T> work) {
        if (!CallerContext.current().isSystem() || RequestContextHolder.getRequestAttributes() != null) {
            throw new IllegalStateException("Only a system actor outside any web request sets the time for its work");
        }
        Instant previous = SET_FOR_THIS_WORK.get();
        SET_FOR_THIS_WORK.set(instant);
        try {
            return work.get();
        } finally {
            SET_FOR_THIS_WORK.set(previous);
        }
    }

    public static void runAt(Instant instant, Runnable work) {
        callAt(instant, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public final Instant instant() {
        Instant set = SET_FOR_THIS_WORK.get();
        return set != null ? set : currentInstant();
    }

    /** The time now, where no work has set another. */
    protected abstract Instant currentInstant();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Leadline keeps time in UTC");
    }
}
