package com.leadline.team.internal.auditlog;

import com.leadline.audit.AuditActions;
import com.leadline.audit.AuditTrail;
import com.leadline.platform.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log's filters as a page or a client typed them (text, blank for none), checked all at once:
 * a person's id, an action code from {@link AuditActions}, dates as YYYY-MM-DD read in a time zone (the
 * whole days from {@code from} to {@code to}), the position a previous page ended at, and a page size.
 */
public record AuditLogQuery(String person, String kind, String from, String to, String timezone, String after, String limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);
    private static final int MAX_ZONE_LENGTH = 64;

    /** What the query asks for, ready for the audit trail. */
    public record Checked(AuditTrail.Filter filter, AuditTrail.Position after, int limit, ZoneId zone,
                          UUID person, String kind, LocalDate from, LocalDate to) {
    }

    public static AuditLogQuery none() {
        return new AuditLogQuery(null, null, null, null, null, null, null);
    }

    /** The same filters from the first page on. */
    public AuditLogQuery fromTheStart() {
        return new AuditLogQuery(person, kind, from, to, timezone, null, limit);
    }

    /** Refuses every part that cannot be read (422, one message per field), or gives the whole query; {@code zone} when none is named. */
    public Checked checked(ZoneId defaultZone) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID personId = person(errors);
        String action = kind(errors);
        ZoneId zone = zone(defaultZone, errors);
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.put("to", "The end date is before the start date.");
        }
        AuditTrail.Position position = position(errors);
        int size = limit(errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AuditTrail.Filter filter = new AuditTrail.Filter(personId, action,
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
        return new Checked(filter, position, size, zone, personId, action, first, last);
    }

    private UUID person(Map<String, String> errors) {
        if (blank(person)) {
            return null;
        }
        try {
            if (person.strip().length() == 36) {
                return UUID.fromString(person.strip());
            }
        } catch (IllegalArgumentException notAnId) {
            // refused below
        }
        errors.put("person", "Choose a person from the list.");
        return null;
    }

    private String kind(Map<String, String> errors) {
        if (blank(kind)) {
            return null;
        }
        return AuditActions.find(kind.strip()).map(AuditActions.Action::code).orElseGet(() -> {
            errors.put("kind", "Choose a kind of entry from the list.");
            return null;
        });
    }

    private ZoneId zone(ZoneId defaultZone, Map<String, String> errors) {
        if (blank(timezone)) {
            return defaultZone;
        }
        try {
            if (timezone.length() <= MAX_ZONE_LENGTH && ZoneId.getAvailableZoneIds().contains(timezone.strip())) {
                return ZoneId.of(timezone.strip());
            }
        } catch (DateTimeException unknown) {
            // refused below
        }
        errors.put("timezone", "Name a time zone like Europe/Berlin or UTC.");
        return defaultZone;
    }

    private static LocalDate date(String field, String text, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            LocalDate date = text.strip().length() == 10 ? LocalDate.parse(text.strip()) : null;
            if (date != null && !date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
                return date;
            }
        } catch (DateTimeParseException malformed) {
            // refused below
        }
        errors.put(field, "Enter a date as YYYY-MM-DD, for example 2026-03-31 (from the year 2000 on).");
        return null;
    }

    private AuditTrail.Position position(Map<String, String> errors) {
        if (blank(after)) {
            return null;
        }
        return AuditTrail.Position.parse(after.strip()).orElseGet(() -> {
            errors.put("after", "This link to an older page is not valid. Start again from the newest entries.");
            return null;
        });
    }

    private int limit(Map<String, String> errors) {
        if (blank(limit)) {
            return DEFAULT_LIMIT;
        }
        try {
            if (limit.strip().length() <= 4) {
                int size = Integer.parseInt(limit.strip());
                if (size >= 1 && size <= MAX_LIMIT) {
                    return size;
                }
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        errors.put("limit", "Ask for 1 to " + MAX_LIMIT + " entries at a time.");
        return DEFAULT_LIMIT;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
