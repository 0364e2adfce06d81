package com.leadline.audit.internal;

import com.leadline.audit.AuditActions;
import com.leadline.audit.AuditTrail.Entry;
import com.leadline.audit.AuditTrail.Filter;
import com.leadline.audit.AuditTrail.Position;
import com.leadline.audit.AuditTrail.Sight;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account's audit log, newest first, read by keyset on (occurred_at, id): the statement names only
 * the conditions a reading needs, so each uses its index (V53). Row-level security keeps it to the
 * transaction's account; the account is also named, for the indexes that begin with it.
 */
final class AuditQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> read(Sight sight, Filter filter, Position after, int limit) {
        List<String> where = new ArrayList<>(List.of("account_id = current_account_id()"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (!sight.wholeLog()) {
            where.add("""
                    (profile_id IS NULL AND action = ANY (:accountWide)
                     OR profile_id = ANY (:profiles) AND action = ANY (:ofProfiles))""");
            params.put("accountWide", AuditActions.codesIn(sight.accountWide()).toArray(String[]::new));
            params.put("ofProfiles", AuditActions.codesIn(sight.ofProfiles()).toArray(String[]::new));
            params.put("profiles", sight.profiles().toArray(UUID[]::new));
        }
        if (filter.person() != null) {
            where.add("actor_user_id = :person");
            params.put("person", filter.person());
        }
        if (filter.action() != null) {
            where.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.before() != null) {
            where.add("occurred_at < :before");
            params.put("before", Timestamp.from(filter.before()));
        }
        if (after != null) {
            where.add("(occurred_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.at()));
            params.put("afterId", after.id());
        }
        params.put("limit", limit);
        return jdbc.sql("""
                        SELECT id, occurred_at, action, outcome, actor_user_id, target_type, target_id, profile_id,
                               ip, session_ref, system_actor, details::text
                        FROM audit_log WHERE %s ORDER BY occurred_at DESC, id DESC LIMIT :limit"""
                        .formatted(String.join(" AND ", where)))
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getString(9), rs.getString(10), rs.getString(11), details(rs.getString(12)));
    }

    /** As written (text values), in the order of their names. */
    private static Map<String, String> details(String json) {
        Map<String, String> details = new java.util.TreeMap<>();
        JSON.readValue(json, DETAILS).forEach((name, value) -> details.put(name, String.valueOf(value)));
        return details;
    }
}
