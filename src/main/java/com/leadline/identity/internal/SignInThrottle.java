package com.leadline.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-address throttling of sign-in: the first {@value #FREE_FAILURES} consecutive failures cost
 * nothing; after that each further attempt must wait a delay that doubles with every failure, up to
 * {@link #MAX_DELAY}. Never a permanent lock-out, and the same for known and unknown addresses.
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Whether an attempt now must be refused without even checking the password. */
    boolean isThrottled(byte[] emailHash, Instant now) {
        record State(int failures, Timestamp lastFailure) {
        }
        return jdbc.sql("SELECT failures, last_failure_at FROM sign_in_failures WHERE email_hash = :hash")
                .param("hash", emailHash)
                .query((rs, n) -> new State(rs.getInt(1), rs.getTimestamp(2)))
                .optional()
                .map(state -> now.isBefore(state.lastFailure().toInstant().plus(delayAfter(state.failures()))))
                .orElse(false);
    }

    void recordFailure(byte[] emailHash, Instant now) {
        jdbc.sql("""
                        INSERT INTO sign_in_failures (email_hash, failures, last_failure_at) VALUES (:hash, 1, :now)
                        ON CONFLICT (email_hash) DO UPDATE
                        SET failures = sign_in_failures.failures + 1, last_failure_at = :now""")
                .param("hash", emailHash)
                .param("now", Timestamp.from(now))
                .update();
    }

    void clear(byte[] emailHash) {
        jdbc.sql("DELETE FROM sign_in_failures WHERE email_hash = :hash").param("hash", emailHash).update();
    }
}
