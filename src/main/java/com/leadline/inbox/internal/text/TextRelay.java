package com.leadline.inbox.internal.text;

import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextChannel;
import com.leadline.platform.OutboxRelay;
import com.leadline.platform.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the text outbox through the text channel ({@link OutboxRelay} holds the claiming, lease
 * and back-off rules). The relay works for no account: it claims due rows of every account through
 * the one cross-account function of the text outbox, then records each outcome in a transaction of
 * the row's own account, under row-level security. Without a channel it claims nothing: the texts
 * stay queued, not lost, until a provider is configured.
 */
class TextRelay extends OutboxRelay<TextRelay.Claimed> {

    static final String NO_PROVIDER = "No SMS provider configured";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Tenancy tenancy;
    private final Optional<TextChannel> channel;

    TextRelay(JdbcClient jdbc, TransactionTemplate transactions, Tenancy tenancy, Optional<TextChannel> channel,
              Clock clock, Policy policy) {
        super("text", clock, policy);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenancy = tenancy;
        this.channel = channel;
    }

    record Claimed(long id, UUID claim, UUID accountId, UUID profileId, String toPhone, String body, int attempts)
            implements OutboxRelay.Claimed {
    }

    /** Why queued texts wait, when no channel can deliver them. */
    Optional<String> unavailableReason() {
        return channel.isPresent() ? Optional.empty() : Optional.of(NO_PROVIDER);
    }

    @Scheduled(fixedDelayString = "${leadline.texts.relay-interval:5s}", initialDelayString = "${leadline.texts.relay-interval:5s}")
    void poll() {
        deliverDue();
    }

    @Override
    public int deliverDue() {
        return channel.isPresent() ? super.deliverDue() : 0;
    }

    @Override
    protected List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        return transactions.execute(status -> jdbc.sql("""
                        SELECT id, account_id, profile_id, to_phone, body, attempts
                        FROM inbox_claim_due_texts(:now, :limit, :claim, :leaseUntil)""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("claim", claim)
                .param("leaseUntil", Timestamp.from(now.plus(policy.lease())))
                .query((rs, n) -> new Claimed(rs.getLong(1), claim, rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getInt(6)))
                .list());
    }

    @Override
    protected void send(Claimed text) throws Exception {
        channel.orElseThrow().send(new OutboundText(Long.toString(text.id()), text.accountId(), text.profileId(),
                text.toPhone(), text.body()));
    }

    @Override
    protected boolean markSent(Claimed text) {
        return inAccountOf(text, () -> jdbc.sql("""
                        UPDATE text_outbox SET status = 'sent', sent_at = :now, lease_until = NULL, last_error = NULL
                        WHERE id = :id AND claim_id = :claim""")
                .param("now", Timestamp.from(clock.instant())).param("id", text.id()).param("claim", text.claim())
                .update()) == 1;
    }

    @Override
    protected void markFailed(Claimed text, Failure failure) {
        inAccountOf(text, () -> jdbc.sql("""
                        UPDATE text_outbox SET status = :status, next_attempt_at = :next, lease_until = NULL, last_error = :error
                        WHERE id = :id AND claim_id = :claim""")
                .param("status", failure.giveUp() ? "failed" : "queued").param("next", Timestamp.from(failure.nextAttemptAt()))
                .param("error", failure.error()).param("id", text.id()).param("claim", text.claim())
                .update());
    }

    private int inAccountOf(Claimed text, Supplier<Integer> update) {
        return transactions.execute(status -> tenancy.inAccount(text.accountId(), update));
    }
}
