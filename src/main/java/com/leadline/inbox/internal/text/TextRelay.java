package com.leadline.inbox.internal.text;

import com.leadline.inbox.NoSendingNumberException;
import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextChannel;
import com.leadline.inbox.TextRefusedException;
import com.leadline.platform.OutboxRelay;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
 * the one cross-account function of the text outbox, then reads and records each row in a
 * transaction of the row's own account, under row-level security. Without a channel it claims
 * nothing: the texts stay queued, not lost, until a provider is configured.
 *
 * <p>Providers take no idempotency key. A text whose earlier attempt may have reached the provider
 * without an answer (a timeout or 5xx, a relay that stopped mid-send: "unconfirmed", V42) is first
 * looked for among the provider's texts, and sent again only when it is not there (docs/texting.md).
 */
class TextRelay extends OutboxRelay<TextRelay.Claimed, String> {

    static final String NO_PROVIDER = "No SMS provider configured";
    /**
     * How much earlier than the unanswered claim a text found in the provider's list may have been
     * created and still count: the provider's clock is not ours, and its times have whole seconds.
     * A text of another row in that window is recognised by its recorded id, and not taken.
     */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);
    static final String OPTED_OUT = "Not sent: the contact texted STOP to this profile's number and gets no texts until they text START.";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Tenancy tenancy;
    private final Optional<TextChannel> channel;
    private final boolean afterCommit;

    TextRelay(JdbcClient jdbc, TransactionTemplate transactions, Tenancy tenancy, Optional<TextChannel> channel,
              Clock clock, Policy policy) {
        this(jdbc, transactions, tenancy, channel, clock, policy, true);
    }

    /**
     * @param afterCommit whether a transaction that queues texts wakes the relay once it commits (the
     *                    default); without, queued texts wait for the next poll ({@code leadline.texts.relay-interval})
     */
    TextRelay(JdbcClient jdbc, TransactionTemplate transactions, Tenancy tenancy, Optional<TextChannel> channel,
              Clock clock, Policy policy, boolean afterCommit) {
        super("text", clock, policy);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenancy = tenancy;
        this.channel = channel;
        this.afterCommit = afterCommit;
    }

    @Override
    public void wakeUpAfterCommit() {
        if (afterCommit) {
            super.wakeUpAfterCommit();
        }
    }

    /**
     * A claimed row; for an unconfirmed one, the number its first unanswered attempt used and when
     * that attempt's claim began ({@code unconfirmedSince} null otherwise), and the provider's id if
     * a status report of that attempt brought one. {@code optedOut}: whether its contact had opted
     * out when the claim was last found held ({@link #stillHeld}), right before sending.
     */
    record Claimed(long id, UUID claim, UUID accountId, UUID profileId, String fromPhone, String toPhone, String body,
                   int attempts, boolean keywordAnswer, String unconfirmedFrom, Instant unconfirmedSince, String providerMessageId,
                   boolean optedOut)
            implements OutboxRelay.Claimed {

        OutboundText text(String from) {
            return new OutboundText(id, accountId, profileId, from, toPhone, body);
        }

        Claimed optedOut(boolean now) {
            return new Claimed(id, claim, accountId, profileId, fromPhone, toPhone, body, attempts, keywordAnswer, unconfirmedFrom,
                    unconfirmedSince, providerMessageId, now);
        }
    }

    Optional<TextChannel> channel() {
        return channel;
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
                        SELECT id, account_id, profile_id, from_phone, to_phone, body, attempts, keyword_answer, unconfirmed_from,
                               unconfirmed_since, provider_message_id
                        FROM inbox_claim_due_texts(:now, :limit, :claim, :leaseUntil)""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("claim", claim)
                .param("leaseUntil", Timestamp.from(now.plus(policy.lease())))
                .query((rs, n) -> {
                    Timestamp unconfirmedSince = rs.getTimestamp(10);
                    return new Claimed(rs.getLong(1), claim, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8), rs.getString(9),
                            unconfirmedSince == null ? null : unconfirmedSince.toInstant(), rs.getString(11), false);
                })
                .list());
    }

    /**
     * A text the provider already reported on went out: recorded, not sent again. For an unconfirmed
     * text, takes the provider's id of the copy that went out if one did (one no other row records); refuses a text to a contact who opted out (unless it answers their keyword)
     * before it reaches the provider; sends the rest.
     */
    @Override
    protected String send(Claimed text) throws Exception {
        if (text.providerMessageId() != null) {
            return text.providerMessageId();
        }
        TextChannel provider = channel.orElseThrow();
        if (text.unconfirmedSince() != null) {
            Optional<String> sent = unrecorded(text, provider.findSent(text.text(text.unconfirmedFrom()),
                    text.unconfirmedSince().minus(CLOCK_MARGIN)));
            if (sent.isPresent()) {
                return sent.get();
            }
        }
        if (!text.keywordAnswer() && text.optedOut()) {
            throw new TextRefusedException(null, OPTED_OUT);
        }
        try {
            return provider.send(text.text(text.fromPhone()));
        } catch (TextRefusedException | NoSendingNumberException nothingWentOut) {
            throw nothingWentOut;
        } catch (Exception mayHaveReachedTheProvider) {
            throw new Unanswered(mayHaveReachedTheProvider);
        }
    }

    /** The first of the provider's ids that no other text of the account records (two texts can share a body). */
    private Optional<String> unrecorded(Claimed text, List<String> providerIds) {
        if (providerIds.isEmpty()) {
            return Optional.empty();
        }
        List<String> recorded = tenancy.inAccount(text.accountId(), () -> transactions.execute(status -> jdbc.sql(
                        "SELECT provider_message_id FROM text_outbox WHERE provider_message_id = ANY (:ids) AND id <> :id")
                .param("ids", providerIds.toArray(String[]::new)).param("id", text.id()).query(String.class).list()));
        return providerIds.stream().filter(id -> !recorded.contains(id)).findFirst();
    }

    /** An attempt that ended without the provider's answer: the text may have gone out. */
    private static final class Unanswered extends Exception {

        Unanswered(Exception cause) {
            super(cause.toString(), cause);
        }

        @Override
        public String toString() {
            return getCause().toString();
        }
    }

    /**
     * The claim still ours, its lease starting again now (a text is handed over only under a lease that
     * holds for the call), and whether its contact has opted out by now: one statement, in the row's account.
     */
    @Override
    protected Optional<Claimed> stillHeld(Claimed text) {
        Instant now = clock.instant();
        return tenancy.inAccount(text.accountId(), () -> transactions.execute(status -> jdbc.sql("WITH " + Transactions.RELAXED_COMMIT + """
                         UPDATE text_outbox o SET lease_until = :leaseUntil FROM relaxed
                        WHERE o.id = :id AND o.claim_id = :claim AND o.status = 'sending' AND o.lease_until > :now
                        RETURNING coalesce((SELECT k.opted_out FROM messages m JOIN conversations c ON c.id = m.conversation_id
                                            JOIN contacts k ON k.id = c.contact_id WHERE m.id = o.message_id), false)""")
                .param("leaseUntil", Timestamp.from(now.plus(policy.lease()))).param("now", Timestamp.from(now))
                .param("id", text.id()).param("claim", text.claim())
                .query(Boolean.class).optional().map(text::optedOut)));
    }

    @Override
    protected boolean isPermanent(Exception failure) {
        return failure instanceof TextRefusedException;
    }

    /**
     * The provider's id and, unless a status report came first, its first state: queued. The commit
     * does not wait for the disk (nor does the lease's, {@link #stillHeld}): should the database crash
     * and lose it, the row's lease runs out and the text is claimed again as unconfirmed, found in the
     * provider's list and not sent twice, as when the relay stops between the call and this record.
     */
    @Override
    protected boolean markSent(Claimed text, String providerMessageId) {
        Instant now = clock.instant();
        return inAccountOf(text, () -> jdbc.sql("WITH " + Transactions.RELAXED_COMMIT + """
                         UPDATE text_outbox SET status = 'sent', sent_at = :now, lease_until = NULL, last_error = NULL, error_code = NULL,
                               unconfirmed_from = NULL, unconfirmed_since = NULL,
                               provider_message_id = coalesce(provider_message_id, :provider),
                               provider_status = coalesce(provider_status, CASE WHEN CAST(:provider AS text) IS NOT NULL THEN 'queued' END),
                               status_changed_at = coalesce(status_changed_at, :now)
                        FROM relaxed WHERE id = :id AND claim_id = :claim""")
                .param("now", Timestamp.from(now)).param("provider", providerMessageId)
                .param("id", text.id()).param("claim", text.claim())
                .update()) == 1;
    }

    /** An unanswered attempt leaves the text unconfirmed since its claim began (kept from an earlier one if already so). */
    @Override
    protected void markFailed(Claimed text, Failure failure) {
        TextRefusedException refusal = failure.cause() instanceof TextRefusedException refused ? refused : null;
        inAccountOf(text, () -> jdbc.sql("""
                        UPDATE text_outbox SET status = :status, next_attempt_at = :next, lease_until = NULL, last_error = :error,
                               error_code = :code, status_changed_at = :now,
                               unconfirmed_from = CASE WHEN :unanswered AND unconfirmed_since IS NULL THEN from_phone ELSE unconfirmed_from END,
                               unconfirmed_since = CASE WHEN :unanswered THEN coalesce(unconfirmed_since, claimed_at) ELSE unconfirmed_since END
                        WHERE id = :id AND claim_id = :claim""")
                .param("unanswered", failure.cause() instanceof Unanswered)
                .param("status", failure.giveUp() ? "failed" : "queued").param("next", Timestamp.from(failure.nextAttemptAt()))
                .param("error", inWords(failure, text))
                .param("code", refusal == null ? null : refusal.code())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", text.id()).param("claim", text.claim())
                .update());
    }

    /** What the thread says of a failed attempt: the provider's refusal, the missing number, or that the provider did not answer. */
    private String inWords(Failure failure, Claimed text) {
        Exception cause = failure.cause() instanceof Unanswered unanswered ? (Exception) unanswered.getCause() : failure.cause();
        if (cause instanceof TextRefusedException || cause instanceof NoSendingNumberException) {
            return cause.getMessage();
        }
        String words = failure.giveUp()
                ? "The SMS provider could not be reached or answered with an error, " + text.attempts() + " times; the relay gave up."
                : "The SMS provider could not be reached or answered with an error; the relay tries again shortly.";
        return cause.getMessage() == null ? words : words + " (" + cause.getMessage() + ")";
    }

    /** The account first, then the transaction: it starts in the account (one statement fewer than switching inside). */
    private int inAccountOf(Claimed text, Supplier<Integer> update) {
        return tenancy.inAccount(text.accountId(), () -> transactions.execute(status -> update.get()));
    }
}
