package com.leadline.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens (table api_tokens, V50), kept in their user's own account. Everything but the
 * lookup by hash runs under that account's row-level security.
 */
@Repository
class ApiTokenStore {

    /** A token as its user's list shows it; never its text, which is not kept. */
    record Stored(UUID id, UUID userId, UUID workAccountId, String name, String hint, Instant createdAt, Instant expiresAt,
                  Instant lastUsedAt, Instant revokedAt) {
    }

    /** A token found by its hash, with its user's current name, address and status. */
    record Found(UUID id, UUID userId, UUID workAccountId, Instant expiresAt, Instant revokedAt, String userName, String email) {
    }

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Across accounts, through the lookup function (the request names no account): the account holding the hash. */
    Optional<UUID> accountOfHash(byte[] hash) {
        return jdbc.sql("SELECT identity_find_api_token_account(:hash)").param("hash", hash).query(UUID.class).optional();
    }

    Optional<Found> byHash(byte[] hash) {
        return jdbc.sql("""
                        SELECT t.id, t.user_id, t.work_account_id, t.expires_at, t.revoked_at, u.name, u.email
                        FROM api_tokens t JOIN users u ON u.id = t.user_id
                        WHERE t.token_hash = :hash""")
                .param("hash", hash)
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        instant(rs, 4), instant(rs, 5), rs.getString(6), rs.getString(7)))
                .optional();
    }

    /** Notes a use, but only once it is {@code notBefore} or older: a busy integration doesn't write on every request. */
    void touch(UUID id, Instant now, Instant notBefore) {
        jdbc.sql("""
                        UPDATE api_tokens SET last_used_at = :now
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at <= :notBefore)""")
                .param("id", id).param("now", Timestamp.from(now)).param("notBefore", Timestamp.from(notBefore))
                .update();
    }

    void insert(UUID id, UUID accountId, UUID userId, UUID workAccountId, String name, byte[] hash, String hint,
                Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO api_tokens (account_id, id, user_id, work_account_id, name, token_hash, hint, created_at, expires_at)
                        VALUES (:account, :id, :user, :work, :name, :hash, :hint, :now, :expires)""")
                .param("account", accountId).param("id", id).param("user", userId).param("work", workAccountId)
                .param("name", name).param("hash", hash).param("hint", hint)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** The user's tokens, newest first (the latest {@code limit}). */
    List<Stored> ofUser(UUID userId, int limit) {
        return jdbc.sql("""
                        SELECT id, user_id, work_account_id, name, hint, created_at, expires_at, last_used_at, revoked_at
                        FROM api_tokens WHERE user_id = :user
                        ORDER BY created_at DESC, id LIMIT :limit""")
                .param("user", userId).param("limit", limit)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9)))
                .list();
    }

    Optional<Stored> ofUser(UUID userId, UUID tokenId) {
        return jdbc.sql("""
                        SELECT id, user_id, work_account_id, name, hint, created_at, expires_at, last_used_at, revoked_at
                        FROM api_tokens WHERE user_id = :user AND id = :id""")
                .param("user", userId).param("id", tokenId)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9)))
                .optional();
    }

    /** Tokens of the user that still work: neither revoked nor expired. */
    int countLive(UUID userId, Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FROM api_tokens
                        WHERE user_id = :user AND revoked_at IS NULL AND expires_at > :now""")
                .param("user", userId).param("now", Timestamp.from(now))
                .query(Integer.class).single();
    }

    /** False when the token was revoked already. */
    boolean revoke(UUID userId, UUID tokenId, Instant now) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("user", userId).param("id", tokenId)
                .update() == 1;
    }

    /** Every token of the user not revoked yet (the user was deactivated); how many. */
    int revokeAllOf(UUID userId, Instant now) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("user", userId)
                .update();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
