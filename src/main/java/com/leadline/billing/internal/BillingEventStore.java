package com.leadline.billing.internal;

import com.leadline.accounts.Profiles.Plan;
import com.leadline.billing.BillingEvents;
import com.leadline.platform.Transactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The billing_events table: written only inside the transaction of the change it records; read per account. */
@Component
class BillingEventStore implements BillingEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate callersTransaction;

    BillingEventStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    @Override
    public void profileAdded(UUID accountId, UUID profileId, Plan plan, UUID actorUserId, Instant at) {
        record(accountId, BillingEvent.Kind.PROFILE_ADDED, profileId, null, plan.code(), actorUserId, at);
    }

    @Override
    public void profileArchived(UUID accountId, UUID profileId, Plan plan, UUID actorUserId, Instant at) {
        record(accountId, BillingEvent.Kind.PROFILE_ARCHIVED, profileId, plan.code(), null, actorUserId, at);
    }

    @Override
    public void profileRestored(UUID accountId, UUID profileId, Plan plan, UUID actorUserId, Instant at) {
        record(accountId, BillingEvent.Kind.PROFILE_RESTORED, profileId, null, plan.code(), actorUserId, at);
    }

    @Override
    public void planChanged(UUID accountId, UUID profileId, Plan from, Plan to, UUID actorUserId, Instant at) {
        record(accountId, BillingEvent.Kind.PLAN_CHANGED, profileId, from.code(), to.code(), actorUserId, at);
    }

    /** In the caller's transaction, in the account it works for (row-level security checks the account). */
    void record(UUID accountId, BillingEvent.Kind kind, UUID subjectId, String from, String to, UUID actorUserId, Instant at) {
        callersTransaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO billing_events (id, account_id, occurred_at, kind, subject_type, subject_id, from_value, to_value,
                                                    actor_user_id)
                        VALUES (:id, :account, :at, :kind, :type, :subject, :from, :to, :actor)""")
                .param("id", UUID.randomUUID()).param("account", accountId).param("at", Timestamp.from(at))
                .param("kind", kind.code()).param("type", kind.subjectType()).param("subject", subjectId)
                .param("from", from).param("to", to).param("actor", actorUserId).update());
    }

    /** The current account's events in the order they happened (and were written, at the same instant). */
    List<BillingEvent> all() {
        return jdbc.sql("""
                        SELECT occurred_at, kind, subject_id, from_value, to_value, actor_user_id FROM billing_events
                        ORDER BY occurred_at, seq""")
                .query((rs, n) -> new BillingEvent(rs.getTimestamp(1).toInstant(), BillingEvent.Kind.of(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class)))
                .list();
    }
}
