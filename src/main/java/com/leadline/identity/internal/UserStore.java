package com.leadline.identity.internal;

import com.leadline.identity.Identities.UserStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and their credentials. Everything but the lookup functions runs under the current account's policies. */
@Repository
class UserStore {

    record Subject(UUID userId, UUID accountId) {
    }

    record Credentials(UUID userId, UUID accountId, String email, String name, String passwordHash, UserStatus status) {
    }

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Across accounts, through the narrow lookup function: who holds this address, and in which account. */
    Optional<Subject> findSubjectByEmail(String normalizedEmail) {
        return jdbc.sql("SELECT user_id, account_id FROM identity_find_user_by_email(:email)")
                .param("email", normalizedEmail)
                .query((rs, n) -> new Subject(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** Across accounts, through the lookup function: the account the user belongs to. */
    Optional<UUID> homeAccountOf(UUID userId) {
        return jdbc.sql("SELECT identity_find_user_account(:id)").param("id", userId).query(UUID.class).optional();
    }

    Optional<Credentials> credentials(UUID userId) {
        return jdbc.sql("SELECT id, account_id, email, name, password_hash, status FROM users WHERE id = :id")
                .param("id", userId)
                .query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        UserStatus.valueOf(rs.getString(6).toUpperCase(Locale.ROOT))))
                .optional();
    }

    void insert(UUID userId, UUID accountId, String email, String name, String passwordHash, UserStatus status,
                Instant now) {
        jdbc.sql("""
                        INSERT INTO users (id, account_id, email, name, password_hash, status, created_at, password_changed_at)
                        VALUES (:id, :account, :email, :name, :hash, :status, :now, :passwordChangedAt)""")
                .param("id", userId)
                .param("account", accountId)
                .param("email", email)
                .param("name", name)
                .param("hash", passwordHash)
                .param("status", status.name().toLowerCase(Locale.ROOT))
                .param("now", Timestamp.from(now))
                .param("passwordChangedAt", passwordHash == null ? null : Timestamp.from(now), java.sql.Types.TIMESTAMP)
                .update();
    }

    /** Only an invitee becomes active this way; false when the user was no (longer an) invitee. */
    boolean activateInvited(UUID userId, String name, String passwordHash, Instant now) {
        return jdbc.sql("""
                        UPDATE users SET status = 'active', name = :name, password_hash = :hash, password_changed_at = :now
                        WHERE id = :id AND status = 'invited'""")
                .param("name", name).param("hash", passwordHash).param("now", Timestamp.from(now)).param("id", userId)
                .update() == 1;
    }

    void deleteInvited(UUID userId) {
        jdbc.sql("DELETE FROM users WHERE id = :id AND status = 'invited'").param("id", userId).update();
    }

    void rename(UUID userId, String name) {
        jdbc.sql("UPDATE users SET name = :name WHERE id = :id").param("name", name).param("id", userId).update();
    }

    void changeEmail(UUID userId, String email) {
        jdbc.sql("UPDATE users SET email = :email WHERE id = :id").param("email", email).param("id", userId).update();
    }

    void setStatus(UUID userId, UserStatus status) {
        jdbc.sql("UPDATE users SET status = :status WHERE id = :id AND status <> 'invited'")
                .param("status", status.name().toLowerCase(Locale.ROOT)).param("id", userId).update();
    }

    void updatePassword(UUID userId, String passwordHash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
                .param("hash", passwordHash)
                .param("now", Timestamp.from(now))
                .param("id", userId)
                .update();
    }
}
