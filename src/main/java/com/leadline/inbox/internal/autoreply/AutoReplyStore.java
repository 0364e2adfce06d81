package com.leadline.inbox.internal.autoreply;

import com.leadline.inbox.AutoReplies;
import com.leadline.platform.Transactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The auto replies of the current account's profiles (row-level security applies): one row per profile and kind. */
@Repository
class AutoReplyStore implements AutoReplies {

    private static final String NEW_LEAD = "new_lead";
    private static final String AFTER_HOURS = "after_hours";
    private static final String UPSERT = """
            INSERT INTO inbox_auto_replies (account_id, profile_id, kind, enabled, body, updated_at)
            VALUES (:a, :p, :kind, :enabled, :body, :now)
            ON CONFLICT (profile_id, kind) DO UPDATE SET enabled = excluded.enabled, body = excluded.body, updated_at = excluded.updated_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate reads;
    private final TransactionTemplate callersTransaction;

    AutoReplyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.reads = Transactions.readOnly(transactionManager);
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    @Override
    public Settings of(UUID profileId) {
        Map<String, Reply> stored = reads.execute(status -> jdbc.sql(
                        "SELECT kind, enabled, body FROM inbox_auto_replies WHERE profile_id = :p")
                .param("p", profileId)
                .query((rs, n) -> Map.entry(rs.getString("kind"), new Reply(rs.getBoolean("enabled"), rs.getString("body"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        return new Settings(stored.getOrDefault(NEW_LEAD, Reply.OFF), stored.getOrDefault(AFTER_HOURS, Reply.OFF));
    }

    @Override
    public void save(UUID accountId, UUID profileId, Settings settings, Instant now) {
        callersTransaction.executeWithoutResult(status -> {
            upsert(accountId, profileId, NEW_LEAD, settings.newLead(), now);
            upsert(accountId, profileId, AFTER_HOURS, settings.afterHours(), now);
        });
    }

    private void upsert(UUID accountId, UUID profileId, String kind, Reply reply, Instant now) {
        jdbc.sql(UPSERT).param("a", accountId).param("p", profileId).param("kind", kind).param("enabled", reply.enabled())
                .param("body", reply.text()).param("now", Timestamp.from(now)).update();
    }
}
