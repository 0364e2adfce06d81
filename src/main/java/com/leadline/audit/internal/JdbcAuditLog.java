package com.leadline.audit.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditLog;
import com.leadline.audit.AuditTrail;
import java.util.List;
import com.leadline.platform.CallerContext;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Component
class JdbcAuditLog implements AuditLog, AuditTrail {

    private static final int BATCH = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final AuditQueries queries;

    JdbcAuditLog(JdbcClient jdbc, Tenancy tenancy, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.transactions = transactions;
        this.reads = Transactions.readOnly(transactions.getTransactionManager());
        this.queries = new AuditQueries(jdbc);
    }

    @Override
    public void record(AuditEntry entry) {
        CallerContext.Caller caller = CallerContext.current();
        transactions.executeWithoutResult(status -> {
            if (entry.accountId() == null) {
                insert(entry, caller);
            } else {
                tenancy.inAccount(entry.accountId(), () -> insert(entry, caller));
            }
        });
    }

    @Override
    public List<Recorded> about(String targetType, String targetId, int limit) {
        return reads.execute(status -> jdbc.sql("""
                        SELECT occurred_at, action, outcome, actor_user_id, ip, session_ref, system_actor, details::text
                        FROM audit_log WHERE target_type = :type AND target_id = :id ORDER BY id DESC LIMIT :limit""")
                .param("type", targetType).param("id", targetId).param("limit", limit)
                .query((rs, n) -> new Recorded(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.util.UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list());
    }

    @Override
    public Page page(Sight sight, Filter filter, Position after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one entry");
        }
        return reads.execute(status -> {
            // One more than asked for tells whether another page follows.
            List<Entry> read = queries.read(sight, filter, after, limit + 1);
            if (read.size() <= limit) {
                return new Page(read, null);
            }
            List<Entry> shown = read.subList(0, limit);
            return new Page(List.copyOf(shown), shown.get(limit - 1).position());
        });
    }

    @Override
    public void each(Sight sight, Filter filter, Consumer<Entry> entry) {
        reads.executeWithoutResult(status -> {
            Position after = null;
            List<Entry> batch;
            do {
                batch = queries.read(sight, filter, after, BATCH);
                batch.forEach(entry);
                after = batch.isEmpty() ? null : batch.get(batch.size() - 1).position();
            } while (batch.size() == BATCH);
        });
    }

    private void insert(AuditEntry entry, CallerContext.Caller caller) {
        jdbc.sql("""
                        INSERT INTO audit_log (account_id, occurred_at, action, outcome, actor_user_id,
                                               target_type, target_id, profile_id, ip, session_ref, system_actor, details)
                        VALUES (:account, :at, :action, :outcome, :actor, :targetType, :targetId, :profile, :ip, :session, :system,
                                CAST(:details AS jsonb))""")
                .param("account", entry.accountId())
                .param("at", Timestamp.from(clock.instant()))
                .param("action", entry.action())
                .param("outcome", entry.outcome().name().toLowerCase(Locale.ROOT))
                .param("actor", entry.actorUserId())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("profile", entry.profileId())
                .param("ip", caller.clientAddress())
                .param("session", caller.sessionReference())
                .param("system", caller.systemActor())
                .param("details", JSON.writeValueAsString(Map.copyOf(entry.details())))
                .update();
    }
}
