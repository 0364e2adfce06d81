package com.leadline.inbox.internal.shortcut;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shortcuts of the current account (row-level security applies): personal ones have an owner, shared ones a profile. */
@Repository
class ShortcutStore {

    private static final String USABLE = """
            SELECT id, name, body, profile_id, owner_user_id IS NOT NULL FROM shortcuts
            WHERE owner_user_id = :me
               OR (profile_id = ANY (:profiles) AND (CAST(:only AS uuid) IS NULL OR profile_id = :only))
            ORDER BY owner_user_id IS NULL, name, id""";
    private static final String INSERT = """
            INSERT INTO shortcuts (id, account_id, owner_user_id, profile_id, name, body, created_at)
            VALUES (:id, :a, :owner, :profile, :name, :body, :now)""";

    private final JdbcClient jdbc;

    ShortcutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's personal shortcuts and the shared ones of these profiles (of one of them, when given). */
    List<ShortcutService.Shortcut> usable(UUID userId, Set<UUID> profiles, UUID onlyProfile) {
        return jdbc.sql(USABLE).param("me", userId).param("profiles", profiles.toArray(UUID[]::new)).param("only", onlyProfile)
                .query(ShortcutStore::shortcut).list();
    }

    Optional<ShortcutService.Shortcut> find(UUID id) {
        return jdbc.sql("SELECT id, name, body, profile_id, owner_user_id IS NOT NULL FROM shortcuts WHERE id = :id")
                .param("id", id).query(ShortcutStore::shortcut).optional();
    }

    boolean ownedBy(UUID shortcutId, UUID userId) {
        return jdbc.sql("SELECT count(*) FROM shortcuts WHERE id = :id AND owner_user_id = :u").param("id", shortcutId)
                .param("u", userId).query(Integer.class).single() == 1;
    }

    /** Either {@code ownerId} (personal) or {@code profileId} (shared) is null. */
    void insert(UUID id, UUID accountId, UUID ownerId, UUID profileId, String name, String body, Instant now) {
        jdbc.sql(INSERT).param("id", id).param("a", accountId).param("owner", ownerId, Types.OTHER)
                .param("profile", profileId, Types.OTHER).param("name", name).param("body", body)
                .param("now", Timestamp.from(now)).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM shortcuts WHERE id = :id").param("id", id).update();
    }

    private static ShortcutService.Shortcut shortcut(ResultSet rs, int row) throws SQLException {
        return new ShortcutService.Shortcut(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getBoolean(5));
    }
}
