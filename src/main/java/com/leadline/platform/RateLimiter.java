package com.leadline.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window counters in PostgreSQL, so every server node sees the same count. Each hit is
 * counted in a statement of its own, committed at once whatever the caller's transaction does: a
 * refused or failed request still counts. The counters are not business data: their commits don't
 * wait for the disk (synchronous_commit off, for that statement only), so that the few rows every
 * request of a limit updates (one key's bucket) are not held locked for a disk flush each; a crash
 * of the database can forget the hits of its last second at most.
 */
@Component
public class RateLimiter {

    /**
     * A hit on the bucket a row source gives (columns bucket, window_start, hits = 1): a row per bucket,
     * its window restarting at the first hit after it ended. Every statement below counts through it.
     */
    private static String countHit(String newRow) {
        return """
                INSERT INTO rate_limit_windows (bucket, window_start, hits) %s
                ON CONFLICT (bucket) DO UPDATE SET
                  window_start = CASE WHEN rate_limit_windows.window_start <= :expired THEN :now
                                      ELSE rate_limit_windows.window_start END,
                  hits = CASE WHEN rate_limit_windows.window_start <= :expired THEN 1
                              ELSE rate_limit_windows.hits + 1 END
                RETURNING window_start, hits""".formatted(newRow);
    }

    private static final String COUNT = "WITH " + Transactions.RELAXED_COMMIT + ", counted AS (" + countHit("VALUES (:bucket, :now, 1)")
            + ") SELECT window_start, hits FROM relaxed, counted";
    /**
     * The client's bucket, then the shared one only when the client is within its limit (a client
     * beyond its own limit must not use up everyone's); always in this order, so two of these never
     * wait for each other's rows crosswise.
     */
    private static final String COUNT_CLIENT_AND_SHARED = "WITH " + Transactions.RELAXED_COMMIT
            + ", client AS (" + countHit("VALUES (:client, :now, 1)") + ")"
            + ", shared AS (" + countHit("SELECT :shared, :now, 1 FROM client WHERE client.hits <= :clientLimit") + ")"
            + " SELECT c.window_start, c.hits, s.window_start, s.hits FROM relaxed, client c LEFT JOIN shared s ON true";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate outsideTransactions;

    RateLimiter(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        // Not in the caller's transaction, if any: the statement commits by itself (autocommit), one round trip.
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
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
        count(clientBucket(purpose, caller), limit, window);
    }

    /**
     * {@link #hit} and then, if the client is within its limit, one hit on {@code bucket}, which every
     * client shares (e.g. one public key, whoever uses it), in one statement: what a public route limited
     * per client and per key does with each request. Throws {@link TooManyRequestsException} beyond either limit.
     */
    public void hitClientAndShared(String purpose, int clientLimit, String bucket, int sharedLimit, Duration window) {
        CallerContext.Caller caller = CallerContext.current();
        if (caller.isSystem()) {
            return;
        }
        Instant now = clock.instant();
        record Windows(Timestamp clientStart, int clientHits, Timestamp sharedStart, int sharedHits) {
        }
        Windows counted = outsideTransactions.execute(status -> jdbc.sql(COUNT_CLIENT_AND_SHARED)
                .param("client", clientBucket(purpose, caller)).param("shared", sharedBucket(purpose, bucket))
                .param("clientLimit", clientLimit)
                .param("now", Timestamp.from(now)).param("expired", Timestamp.from(now.minus(window)))
                .query((rs, n) -> new Windows(rs.getTimestamp(1), rs.getInt(2), rs.getTimestamp(3), rs.getInt(4)))
                .single());
        refuseBeyond(counted.clientStart(), counted.clientHits(), clientLimit, now, window);
        refuseBeyond(counted.sharedStart(), counted.sharedHits(), sharedLimit, now, window);
    }

    private static String clientBucket(String purpose, CallerContext.Caller caller) {
        return purpose + ":" + ClientAddress.network(caller.clientAddress());
    }

    private static String sharedBucket(String purpose, String bucket) {
        return purpose + "#" + bucket;
    }

    private void count(String bucket, int limit, Duration window) {
        Instant now = clock.instant();
        record Window(Timestamp start, int hits) {
        }
        Window current = outsideTransactions.execute(status -> jdbc.sql(COUNT)
                .param("bucket", bucket)
                .param("now", Timestamp.from(now))
                .param("expired", Timestamp.from(now.minus(window)))
                .query((rs, n) -> new Window(rs.getTimestamp(1), rs.getInt(2)))
                .single());
        refuseBeyond(current.start(), current.hits(), limit, now, window);
    }

    /** A window not counted (the shared one, when the client was refused) refuses nothing. */
    private static void refuseBeyond(Timestamp start, int hits, int limit, Instant now, Duration window) {
        if (start != null && hits > limit) {
            throw new TooManyRequestsException(Duration.between(now, start.toInstant().plus(window)));
        }
    }
}
