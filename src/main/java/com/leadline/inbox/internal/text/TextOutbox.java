package com.leadline.inbox.internal.text;

import com.leadline.inbox.internal.Visibility;
import com.leadline.platform.Transactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound texts of the current account (row-level security applies), queued in the transaction of
 * the reply that causes them and delivered by the {@link TextRelay} once it commits.
 */
@Repository
public class TextOutbox {

    /** The rule's conversations' latest texts, newest first. */
    private static final String RECENT = """
            SELECT o.to_phone, o.body, o.status, o.sent_at, o.last_error FROM text_outbox o
            JOIN messages m ON m.id = o.message_id JOIN conversations c ON c.id = m.conversation_id
            WHERE c.profile_id = ANY (:visibleProfiles) AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)
            ORDER BY o.id DESC LIMIT :limit""";

    private final JdbcClient jdbc;
    private final TextRelay relay;
    private final TransactionTemplate callersTransaction;

    TextOutbox(JdbcClient jdbc, TextRelay relay, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    public record Entry(String toPhone, String body, String status, Timestamp sentAt, String lastError) {
    }

    /**
     * Must run inside the transaction of the outbound message: if it rolls back, nothing is sent.
     * Without a channel to deliver through, the row says why it waits.
     */
    public void queue(UUID accountId, UUID messageId, UUID profileId, String toPhone, String body, Instant now) {
        callersTransaction.executeWithoutResult(status -> insert(accountId, messageId, profileId, toPhone, body, false, now));
    }

    /** {@link #queue} of the answer to an opt-out keyword: it goes out even to a contact who just opted out. */
    public void queueKeywordAnswer(UUID accountId, UUID messageId, UUID profileId, String toPhone, String body, Instant now) {
        callersTransaction.executeWithoutResult(status -> insert(accountId, messageId, profileId, toPhone, body, true, now));
    }

    /**
     * {@link #queue}'s row written by the statement that writes its message, one round trip fewer: the text of
     * that statement's part (a data-modifying CTE) that queues the message of {@code messages}, a row source
     * of that statement (one row, its column {@code id} the message's id), with parameters named
     * {@code outbox*} that {@link #bindQueued} gives; then {@link #queuedInCallersStatement} once it has run.
     */
    public static String insertQueuedFor(String messages) {
        return """
                INSERT INTO text_outbox (account_id, message_id, profile_id, to_phone, body, status, next_attempt_at,
                                         created_at, last_error, keyword_answer)
                SELECT :outboxAccount, m.id, :outboxProfile, :outboxTo, :outboxBody, 'queued', :outboxNow, :outboxNow, :outboxWaiting, false
                """ + "FROM " + messages + " m";
    }

    /** The parameters of {@link #insertQueuedFor}: what {@link #queue} is given. */
    public JdbcClient.StatementSpec bindQueued(JdbcClient.StatementSpec statement, UUID accountId, UUID profileId, String toPhone,
                                               String body, Instant now) {
        return statement.param("outboxAccount", accountId).param("outboxProfile", profileId).param("outboxTo", toPhone)
                .param("outboxBody", body).param("outboxNow", Timestamp.from(now))
                .param("outboxWaiting", relay.unavailableReason().orElse(null));
    }

    /** Must run inside the transaction whose statement queued a text with {@link #insertQueuedFor}: the relay sends it after the commit. */
    public void queuedInCallersStatement() {
        callersTransaction.executeWithoutResult(status -> relay.wakeUpAfterCommit());
    }

    private void insert(UUID accountId, UUID messageId, UUID profileId, String toPhone, String body, boolean keywordAnswer,
                        Instant now) {
        jdbc.sql("""
                        INSERT INTO text_outbox (account_id, message_id, profile_id, to_phone, body, status, next_attempt_at,
                                                 created_at, last_error, keyword_answer)
                        VALUES (:a, :m, :p, :to, :body, 'queued', :now, :now, :waiting, :keywordAnswer)""")
                .param("a", accountId).param("m", messageId).param("p", profileId).param("to", toPhone)
                .param("body", body).param("now", Timestamp.from(now)).param("keywordAnswer", keywordAnswer)
                .param("waiting", relay.unavailableReason().orElse(null))
                .update();
        relay.wakeUpAfterCommit();
    }

    /**
     * Queues again, in the caller's transaction, the text of an outbound message that failed (given up
     * by the relay, or reported undelivered or failed by the provider); false when it has not failed.
     */
    public boolean requeueFailed(UUID messageId, Instant now) {
        return callersTransaction.execute(status -> {
            int requeued = jdbc.sql("""
                            UPDATE text_outbox SET status = 'queued', attempts = 0, next_attempt_at = :now, sent_at = NULL, claim_id = NULL,
                                   lease_until = NULL, claimed_at = NULL, last_error = :waiting, error_code = NULL,
                                   provider_message_id = NULL, provider_status = NULL, status_changed_at = :now
                            WHERE message_id = :m AND (provider_status IN ('undelivered', 'failed') OR (provider_status IS NULL AND status = 'failed'))""")
                    .param("now", Timestamp.from(now)).param("m", messageId)
                    .param("waiting", relay.unavailableReason().orElse(null)).update();
            if (requeued == 1) {
                relay.wakeUpAfterCommit();
            }
            return requeued == 1;
        });
    }

    /** The latest texts of the conversations the rule lets the viewer see, newest first. */
    List<Entry> recent(Visibility visibility, int limit) {
        return visibility.bind(jdbc.sql(RECENT)).param("limit", limit)
                .query(Entry.class).list();
    }
}
