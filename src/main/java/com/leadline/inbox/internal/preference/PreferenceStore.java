package com.leadline.inbox.internal.preference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's inbox preferences ({@code inbox_user_preferences}), in the current account (row-level security applies). */
@Repository
class PreferenceStore {

    private static final String SAVE_KEYBOARD = """
            INSERT INTO inbox_user_preferences (account_id, user_id, keyboard_shortcuts, updated_at)
            VALUES (:a, :u, :on, :now)
            ON CONFLICT (account_id, user_id) DO UPDATE SET keyboard_shortcuts = excluded.keyboard_shortcuts, updated_at = excluded.updated_at""";

    private final JdbcClient jdbc;

    PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored choice, or empty when the person never made one. */
    Optional<Boolean> keyboardShortcuts(UUID userId) {
        return jdbc.sql("SELECT keyboard_shortcuts FROM inbox_user_preferences WHERE user_id = :u")
                .param("u", userId).query(Boolean.class).optional();
    }

    void saveKeyboardShortcuts(UUID accountId, UUID userId, boolean on, Instant now) {
        jdbc.sql(SAVE_KEYBOARD).param("a", accountId).param("u", userId).param("on", on).param("now", Timestamp.from(now)).update();
    }
}
