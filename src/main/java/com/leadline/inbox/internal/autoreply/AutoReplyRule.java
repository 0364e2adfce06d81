package com.leadline.inbox.internal.autoreply;

import com.leadline.accounts.Profiles.OpeningHours;
import com.leadline.accounts.Profiles.Profile;
import com.leadline.inbox.AutoReplies.Reply;
import com.leadline.inbox.AutoReplies.Settings;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Which auto reply a new lead gets, and its words: pure rules, no database.
 *
 * <p>The profile is open at an instant when, on the weekday the instant falls on in the profile's
 * timezone, it has hours and the local time is at or after they open and before they close (hours
 * never cross midnight: the profile form refuses a close before the open). A weekday without hours is
 * closed. The local time comes from the zone's rules for that instant, so a daylight-saving change is
 * taken as it happens.
 */
public final class AutoReplyRule {

    /** What {first_name} becomes for a contact without a name yet (a text's sender until someone names them). */
    public static final String NO_FIRST_NAME = "there";
    /** A message's longest body (the messages and outbox tables' check, ConversationAccess.MAX_BODY). */
    static final int MAX_BODY = 1600;

    private AutoReplyRule() {
    }

    public static boolean open(Profile profile, Instant at) {
        ZonedDateTime local = at.atZone(zoneOf(profile));
        OpeningHours hours = profile.settings().hours().get(local.getDayOfWeek());
        if (hours == null) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(hours.opens()) && time.isBefore(hours.closes());
    }

    /** The profile's zone; UTC for a name the zone rules no longer know, so that a lead is never refused for it. */
    private static ZoneId zoneOf(Profile profile) {
        try {
            return ZoneId.of(profile.settings().timezone());
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** The text to send, placeholders filled; empty when the reply that applies is off or has no words. */
    public static Optional<String> replyFor(Settings settings, Profile profile, String contactName, Instant at) {
        Reply reply = open(profile, at) ? settings.newLead() : settings.afterHours();
        if (!reply.sends()) {
            return Optional.empty();
        }
        return Optional.of(fill(reply.text(), profile, contactName));
    }

    /**
     * {first_name}: the first word of the contact's name, or "there" without one; {button_name}: the
     * profile's Leadbox button name, or its name without one. Cut to the longest text a message holds.
     */
    static String fill(String text, Profile profile, String contactName) {
        String buttonName = profile.settings().buttonName();
        String filled = text.replace("{first_name}", firstName(contactName))
                .replace("{button_name}", buttonName == null || buttonName.isBlank() ? profile.settings().name() : buttonName)
                .strip();
        if (filled.length() <= MAX_BODY) {
            return filled;
        }
        // Never split a character that takes two UTF-16 units (an emoji in a name).
        int end = Character.isHighSurrogate(filled.charAt(MAX_BODY - 1)) ? MAX_BODY - 1 : MAX_BODY;
        return filled.substring(0, end);
    }

    static String firstName(String contactName) {
        if (contactName == null || contactName.isBlank()) {
            return NO_FIRST_NAME;
        }
        return contactName.strip().split("\\s+", 2)[0];
    }
}
