package com.leadline.support.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffStore {

    record Staff(UUID id, String email, String name, String passwordHash, byte[] totpSecret, long totpLastStep) {

        boolean enrolled() {
            return totpSecret != null;
        }
    }

    private final JdbcClient jdbc;

    StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Staff> byEmail(String email) {
        return jdbc.sql("SELECT id, email, name, password_hash, totp_secret, totp_last_step FROM support_staff WHERE email = :e")
                .param("e", email).query(Staff.class).optional();
    }

    Optional<Staff> byId(UUID id) {
        return jdbc.sql("SELECT id, email, name, password_hash, totp_secret, totp_last_step FROM support_staff WHERE id = :id")
                .param("id", id).query(Staff.class).optional();
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
