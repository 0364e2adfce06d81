package com.leadline.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window counters in PostgreSQL, so every server node sees the same count. Each hit is
 * counted in its own transaction: a refused or failed request still counts.
 */
@Component
public class RateLimiter {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    RateLimiter(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = Transactions.ownTransaction(transactionManager);
    }

    /**
     * Counts one hit from the current caller's client on the purpose's bucket for its network
     * ({@link ClientAddress#network}) and throws {@link TooManyRequestsException} beyond the limit.
     * A system actor ({@link CallerContext}) is not a client and is not limited.
     */
    public void hit(String purpose, int limit, Duration window) {
        CallerContext.Caller caller = CallerContext.current();
        if (caller.isSystem()) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> count(purpose + ":" + ClientAddress.network(caller.clientAddress()), limit, window));
    }

    /**
     * Counts one hit on a bucket every client shares (e.g. one public key, whoever uses it) and throws
     * {@link TooManyRequestsException} beyond the limit. A system actor is not limited.
     */
    public void hitShared(String purpose, String bucket, int limit, Duration window) {
        if (CallerContext.current().isSystem()) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> count(purpose + "#" + bucket, limit, window));
    }

    private void count(String bucket, int limit, Duration window) {
        Instant now = clock.instant();
        Instant expiredBefore = now.minus(window);
        record Window(Timestamp start, int hits) {
        }
        Window current = jdbc.sql("""
                        INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (:bucket, :now, 1)
                        ON CONFLICT (bucket) DO UPDATE SET
                          window_start = CASE WHEN rate_limit_windows.window_start <= :expired THEN :now
                                              ELSE rate_limit_windows.window_start END,
                          hits = CASE WHEN rate_limit_windows.window_start <= :expired THEN 1
                                      ELSE rate_limit_windows.hits + 1 END
                        RETURNING window_start, hits""")
                .param("bucket", bucket)
                .param("now", Timestamp.from(now))
                .param("expired", Timestamp.from(expiredBefore))
                .query((rs, n) -> new Window(rs.getTimestamp(1), rs.getInt(2)))
                .single();
        if (current.hits() > limit) {
            throw new TooManyRequestsException(Duration.between(now, current.start().toInstant().plus(window)));
        }
    }
}
