package com.leadline.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A profile's auto replies as stored: the text a new lead gets while the profile is open
 * ({@code newLead}) and the one for when it is closed ({@code afterHours}). The inbox sends them; the
 * profiles module edits them, with its permission check, validation and audit entry.
 */
public interface AutoReplies {

    /** The longest text, in characters (code points), placeholders counted as typed. */
    int MAX_TEXT = 480;
    /** The placeholders a text may hold; anything else in braces is refused when saved. */
    List<String> PLACEHOLDERS = List.of("{first_name}", "{button_name}");

    record Reply(boolean enabled, String text) {

        public static final Reply OFF = new Reply(false, "");

        /** Sent only when on and with words. */
        public boolean sends() {
            return enabled && text != null && !text.isBlank();
        }
    }

    record Settings(Reply newLead, Reply afterHours) {

        public static final Settings NONE = new Settings(Reply.OFF, Reply.OFF);
    }

    /** The profile's settings in the current account; both off when never set. */
    Settings of(UUID profileId);

    /** Stores both replies, in the caller's transaction (an account's). */
    void save(UUID accountId, UUID profileId, Settings settings, Instant now);
}
