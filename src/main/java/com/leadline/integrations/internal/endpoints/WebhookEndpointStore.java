package com.leadline.integrations.internal.endpoints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account's webhook endpoints (row-level security applies): their settings, secrets and state. */
@Repository
class WebhookEndpointStore {

    /** An endpoint as stored; {@code secret} and {@code previousSecret} never leave the module's use cases. */
    record Endpoint(UUID id, String url, String description, boolean allProfiles, List<UUID> profileIds, List<String> eventTypes,
                    String secret, String previousSecret, Instant previousSecretUntil, boolean enabled, Instant disabledAt,
                    String disabledReason, UUID createdBy, Instant createdAt) {
    }

    /** What the settings form saves. */
    record Settings(String url, String description, boolean allProfiles, List<UUID> profileIds, List<String> eventTypes) {
    }

    private static final String COLUMNS = """
            id, url, description, all_profiles, profile_ids, event_types, secret, previous_secret, previous_secret_until,
            enabled, disabled_at, disabled_reason, created_by, created_at""";

    private final JdbcClient jdbc;

    WebhookEndpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Endpoint> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints ORDER BY created_at, id").query(WebhookEndpointStore::endpoint).list();
    }

    /** The endpoint, locked for the rest of the transaction (changes to one endpoint run one after the other). */
    Optional<Endpoint> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id FOR UPDATE").param("id", id)
                .query(WebhookEndpointStore::endpoint).optional();
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id").param("id", id)
                .query(WebhookEndpointStore::endpoint).optional();
    }

    void insert(UUID accountId, UUID id, Settings settings, String secret, UUID createdBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_endpoints (account_id, id, url, description, all_profiles, profile_ids, event_types, secret,
                                                       created_by, created_at)
                        VALUES (:a, :id, :url, :description, :all, :profiles, :events, :secret, :by, :now)""")
                .param("a", accountId).param("id", id).param("url", settings.url()).param("description", settings.description())
                .param("all", settings.allProfiles()).param("profiles", settings.profileIds().toArray(UUID[]::new))
                .param("events", settings.eventTypes().toArray(String[]::new)).param("secret", secret).param("by", createdBy)
                .param("now", Timestamp.from(now)).update();
    }

    void update(UUID id, Settings settings) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET url = :url, description = :description, all_profiles = :all, profile_ids = :profiles,
                                                     event_types = :events, version = version + 1
                        WHERE id = :id""")
                .param("id", id).param("url", settings.url()).param("description", settings.description())
                .param("all", settings.allProfiles()).param("profiles", settings.profileIds().toArray(UUID[]::new))
                .param("events", settings.eventTypes().toArray(String[]::new)).update();
    }

    /** Enabled afresh (its failing streak forgotten), or disabled now for the reason given. */
    void setEnabled(UUID id, boolean enabled, String reason, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET enabled = :enabled, disabled_at = :disabledAt, disabled_reason = :reason,
                                                     failing_since = NULL, version = version + 1
                        WHERE id = :id""")
                .param("id", id).param("enabled", enabled).param("disabledAt", enabled ? null : Timestamp.from(now), java.sql.Types.TIMESTAMP)
                .param("reason", enabled ? null : reason, java.sql.Types.VARCHAR).update();
    }

    void rotate(UUID id, String secret, String previousSecret, Instant previousUntil) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET secret = :secret, previous_secret = :previous, previous_secret_until = :until,
                                                     version = version + 1
                        WHERE id = :id""")
                .param("id", id).param("secret", secret).param("previous", previousSecret)
                .param("until", Timestamp.from(previousUntil)).update();
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new Endpoint(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"), rs.getBoolean("all_profiles"),
                List.of((UUID[]) rs.getArray("profile_ids").getArray()), List.of((String[]) rs.getArray("event_types").getArray()),
                rs.getString("secret"), rs.getString("previous_secret"), instant(rs, "previous_secret_until"), rs.getBoolean("enabled"),
                instant(rs, "disabled_at"), rs.getString("disabled_reason"), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
