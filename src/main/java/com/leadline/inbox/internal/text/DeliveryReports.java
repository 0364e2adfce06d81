package com.leadline.inbox.internal.text;

import com.leadline.inbox.SendingNumbers;
import com.leadline.inbox.TextChannel;
import com.leadline.inbox.TextDeliveries;
import com.leadline.platform.ConflictException;
import com.leadline.platform.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider's side of outbound texts besides sending: its reports of what became of each text,
 * and whether it holds a number a profile is to text from.
 */
@Service
class DeliveryReports implements TextDeliveries, SendingNumbers {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);
    private static final Set<String> RECORDED = Set.of("queued", "sent", "delivered", "undelivered", "failed");
    /** A report moves a text forward only: queued, then sent, then one of the final states (its id checked before, under the row's lock). */
    private static final String RECORD = """
            UPDATE text_outbox SET provider_status = :status, status_changed_at = :now,
                   provider_message_id = coalesce(provider_message_id, :provider),
                   error_code = CASE WHEN :status IN ('undelivered', 'failed') THEN :code ELSE error_code END,
                   last_error = CASE WHEN :status IN ('undelivered', 'failed') THEN :error ELSE last_error END
            WHERE id = :id
              AND CASE coalesce(provider_status, '') WHEN '' THEN 0 WHEN 'queued' THEN 1 WHEN 'sent' THEN 2 ELSE 3 END
                < CASE :status WHEN 'queued' THEN 1 WHEN 'sent' THEN 2 ELSE 3 END""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Tenancy tenancy;
    private final TextRelay relay;
    private final Clock clock;

    DeliveryReports(JdbcClient jdbc, TransactionTemplate transactions, Tenancy tenancy, TextRelay relay, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenancy = tenancy;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public boolean report(long outboxId, String providerMessageId, String status, String errorCode, String error) {
        Optional<UUID> account = transactions.execute(tx -> jdbc.sql("SELECT inbox_account_of_text(:id)").param("id", outboxId)
                .query(UUID.class).optional());
        if (account.isEmpty() || providerMessageId == null || providerMessageId.isBlank()) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(tx -> tenancy.inAccount(account.get(), () -> {
            Optional<String> known = jdbc.sql("""
                            SELECT provider_message_id, status = 'sending' OR unconfirmed_since IS NOT NULL AS in_flight
                            FROM text_outbox WHERE id = :id FOR UPDATE""")
                    .param("id", outboxId)
                    .query((rs, n) -> {
                        String recorded = rs.getString(1);
                        boolean inFlight = rs.getBoolean(2);
                        return Optional.ofNullable(recorded != null ? recorded : inFlight ? providerMessageId : null);
                    })
                    .single();
            // An id not recorded yet is taken only from an attempt that may be out there (in flight, or unanswered).
            if (known.isEmpty() || !known.get().equals(providerMessageId)) {
                log.warn("A status report for text {} names provider id {}, which is not its own: ignored", outboxId, providerMessageId);
                return false;
            }
            if (RECORDED.contains(status)) {
                jdbc.sql(RECORD).param("status", status).param("now", Timestamp.from(clock.instant()))
                        .param("provider", providerMessageId).param("code", errorCode).param("error", error)
                        .param("id", outboxId).update();
            }
            return true;
        })));
    }

    @Override
    public Check check(String phoneNumber) {
        if (relay.channel().isEmpty() || relay.channel().get() instanceof DevTextChannel) {
            return Check.NO_PROVIDER;
        }
        TextChannel provider = relay.channel().get();
        try {
            return provider.holdsNumber(phoneNumber) ? Check.HELD : Check.NOT_HELD;
        } catch (Exception unreachable) {
            log.warn("Could not ask the SMS provider about {}: {}", phoneNumber, unreachable.toString());
            throw new ConflictException("The SMS provider could not be asked whether it holds this number. Nothing was saved; try again in a minute.");
        }
    }
}
