package com.leadline.support.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffStore {

    record Staff(UUID id, String email, String name, String passwordHash) {
    }

    private final JdbcClient jdbc;

    StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Staff> byEmail(String email) {
        return jdbc.sql("SELECT id, email, name, password_hash FROM support_staff WHERE email = :e")
                .param("e", email).query(Staff.class).optional();
    }

    boolean insertIfAbsent(UUID id, String email, String name, String passwordHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO support_staff (id, email, name, password_hash, created_at) VALUES (:id, :e, :n, :h, :now)
                        ON CONFLICT (email) DO NOTHING""")
                .param("id", id).param("e", email).param("n", name).param("h", passwordHash)
                .param("now", Timestamp.from(now)).update() == 1;
    }
}
