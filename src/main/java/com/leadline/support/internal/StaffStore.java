package com.leadline.support.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffStore {

    record Staff(UUID id, String email, String name, String passwordHash, byte[] totpSecret, long totpLastStep,
                 int codeFailures, Instant codeLockedUntil) {

        boolean enrolled() {
            return totpSecret != null;
        }

        boolean codeLockedAt(Instant now) {
            return codeLockedUntil != null && codeLockedUntil.isAfter(now);
        }
    }

    private static final String STAFF_COLUMNS =
            "id, email, name, password_hash, totp_secret, totp_last_step, code_failures, code_locked_until";

    private static final RowMapper<Staff> STAFF = (rs, row) -> {
        Timestamp lockedUntil = rs.getTimestamp("code_locked_until");
        return new Staff(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), rs.getBytes("totp_secret"), rs.getLong("totp_last_step"),
                rs.getInt("code_failures"), lockedUntil == null ? null : lockedUntil.toInstant());
    };

    private final JdbcClient jdbc;

    StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Staff> byEmail(String email) {
        return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM support_staff WHERE email = :e")
                .param("e", email).query(STAFF).optional();
    }

    /** The staff member, their row locked until the transaction ends: code checks for one account take turns. */
    Optional<Staff> byIdForCodeCheck(UUID id) {
        return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM support_staff WHERE id = :id FOR UPDATE")
                .param("id", id).query(STAFF).optional();
    }

    /** Counts one more wrong code; the count so far. */
    int countCodeFailure(UUID id) {
        return jdbc.sql("UPDATE support_staff SET code_failures = code_failures + 1 WHERE id = :id RETURNING code_failures")
                .param("id", id).query(Integer.class).single();
    }

    void lockCode(UUID id, Instant until) {
        jdbc.sql("UPDATE support_staff SET code_failures = 0, code_locked_until = :until WHERE id = :id")
                .param("until", Timestamp.from(until)).param("id", id).update();
    }

    void clearCodeFailures(UUID id) {
        jdbc.sql("UPDATE support_staff SET code_failures = 0, code_locked_until = NULL WHERE id = :id AND (code_failures > 0 OR code_locked_until IS NOT NULL)")
                .param("id", id).update();
    }

    /** Records a used code's step; false when a code of this step or a later one was already used (a replay race). */
    boolean useStep(UUID id, long step) {
        return jdbc.sql("UPDATE support_staff SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                .param("step", step).param("id", id).update() == 1;
    }

    /** Sets the secret of a staff member who has none yet; false if another sign-in enrolled first. */
    boolean enrol(UUID id, byte[] secret, long step) {
        return jdbc.sql("""
                        UPDATE support_staff SET totp_secret = :secret, totp_last_step = :step
                        WHERE id = :id AND totp_secret IS NULL""")
                .param("secret", secret).param("step", step).param("id", id).update() == 1;
    }

    boolean insertIfAbsent(UUID id, String email, String name, String passwordHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO support_staff (id, email, name, password_hash, created_at) VALUES (:id, :e, :n, :h, :now)
                        ON CONFLICT (email) DO NOTHING""")
                .param("id", id).param("e", email).param("n", name).param("h", passwordHash)
                .param("now", Timestamp.from(now)).update() == 1;
    }
}
