package com.leadline.team.internal.auditlog;

import com.leadline.audit.AuditActions;
import com.leadline.audit.AuditTrail;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the account's audit log in words: when (in the reader's time zone), who, what, about whom
 * or which profile, and the details, for the page, the API and the CSV download alike.
 *
 * @param actor  the acting person's name, Leadline support, a system actor, or empty when nobody acted
 * @param target the person, profile or thing acted on, by name where the account knows it
 */
public record AuditLogRow(AuditTrail.Entry entry, String when, String kind, String group, String actor, String target,
                          String profile, String detailsText) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Names of the account's people (partner users included) and profiles (archived ones included), by id. */
    record Names(Map<UUID, String> people, Map<UUID, String> profiles) {
    }

    static AuditLogRow of(AuditTrail.Entry entry, Names names, ZoneId zone) {
        return new AuditLogRow(entry, WHEN.format(entry.at().atZone(zone)), AuditActions.labelOf(entry.action()),
                AuditActions.groupOf(entry.action()).label(), actor(entry, names), target(entry, names),
                entry.profileId() == null ? "" : names.profiles().getOrDefault(entry.profileId(), "A removed profile"),
                entry.details().entrySet().stream().map(detail -> detail.getKey() + ": " + detail.getValue())
                        .collect(Collectors.joining("; ")));
    }

    private static String actor(AuditTrail.Entry entry, Names names) {
        if (entry.actorUserId() != null) {
            return names.people().getOrDefault(entry.actorUserId(), "Someone no longer in the account");
        }
        if (entry.details().containsKey("supportStaff")) {
            return "Leadline support";
        }
        return entry.systemActor() == null ? "" : "Leadline (" + entry.systemActor() + ")";
    }

    private static String target(AuditTrail.Entry entry, Names names) {
        if (entry.targetType() == null) {
            return "";
        }
        UUID id = uuid(entry.targetId());
        return switch (entry.targetType()) {
            case "user" -> id == null ? "A person" : names.people().getOrDefault(id, "Someone no longer in the account");
            case "profile" -> id == null ? "A profile" : names.profiles().getOrDefault(id, "A removed profile");
            case "leadbox" -> entry.profileId() == null ? "The multi-profile Leadbox" : "The profile's Leadbox";
            case "agency" -> "A partner agency";
            case "account" -> "An account";
            default -> entry.targetType();
        };
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.length() != 36 ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** The cells of {@link AuditLogService#CSV_HEADER}, in its order; the time in UTC (ISO 8601), the details as JSON. */
    List<String> csvCells() {
        return List.of(Long.toString(entry.id()), entry.at().toString(), entry.action(), kind, entry.outcome(), text(entry.actorUserId()), actor,
                nullToEmpty(entry.targetType()), nullToEmpty(entry.targetId()), target, text(entry.profileId()), profile,
                JSON.writeValueAsString(new java.util.TreeMap<>(entry.details())), nullToEmpty(entry.ip()),
                nullToEmpty(entry.sessionReference()), nullToEmpty(entry.systemActor()));
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
