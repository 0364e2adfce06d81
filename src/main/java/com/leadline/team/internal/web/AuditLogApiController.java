package com.leadline.team.internal.web;

import com.leadline.team.Actor;
import com.leadline.team.internal.auditlog.AuditLogQuery;
import com.leadline.team.internal.auditlog.AuditLogRow;
import com.leadline.team.internal.auditlog.AuditLogService;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's audit log as JSON, newest first, a page at a time ({@code next} is the {@code after} of the
 * following page), and as CSV with the same filters. Dates are read in {@code timezone} (UTC unless named).
 */
@RestController
@RequestMapping("/api/v1/audit-log")
@Tag(name = "Audit log", description = "The account's audit log, as far as the caller may read it (PERMISSIONS.md row 31).")
class AuditLogApiController {

    record EntryJson(long id, String occurredAt, String action, String kind, String group, String outcome, UUID actorId,
                     String actor, String targetType, String targetId, String target, UUID profileId, String profile,
                     Map<String, String> details, String ip, String session, String systemActor) {
    }

    record ListingJson(List<EntryJson> entries, String next) {
    }

    private final AuditLogService auditLog;

    AuditLogApiController(AuditLogService auditLog) {
        this.auditLog = auditLog;
    }

    @Operation(summary = "Read the audit log",
            description = "Entries newest first, a page at a time: the owner and partner users read every entry of the account, "
                    + "admins the account-wide team, partner and settings entries and those about their own profiles; team "
                    + "members are refused (403). `next` is the `after` of the following page (absent on the last).")
    @Parameter(name = "person", in = ParameterIn.QUERY, description = "Only the entries of this person (a user id).")
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "Only the entries of this kind (an action, e.g. user.edited).")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "The first day (YYYY-MM-DD) in the time zone.")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "The last day (YYYY-MM-DD) in the time zone.")
    @Parameter(name = "timezone", in = ParameterIn.QUERY, description = "The days' time zone (an IANA name); UTC when left out.")
    @Parameter(name = "after", in = ParameterIn.QUERY, description = "The cursor a previous page returned as next.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Entries per page.")
    @GetMapping
    ListingJson list(Actor actor, @RequestParam(required = false) String person, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String timezone, @RequestParam(required = false) String after,
                     @RequestParam(required = false) String limit) {
        AuditLogService.Listing listing = auditLog.page(actor, new AuditLogQuery(person, kind, from, to, timezone, after, limit),
                ZoneOffset.UTC);
        return new ListingJson(listing.rows().stream().map(AuditLogApiController::json).toList(), listing.next());
    }

    /** Streamed as it is read; any Accept header gets CSV (a refusal answers as problem details). */
    @Operation(summary = "Download the audit log as CSV",
            description = "Every entry the filters and the caller's sight select, newest first, as text/csv (cells that a "
                    + "spreadsheet would run as a formula are quoted). The download itself is recorded in the log.")
    @Parameter(name = "person", in = ParameterIn.QUERY, description = "Only the entries of this person (a user id).")
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "Only the entries of this kind (an action, e.g. user.edited).")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "The first day (YYYY-MM-DD) in the time zone.")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "The last day (YYYY-MM-DD) in the time zone.")
    @Parameter(name = "timezone", in = ParameterIn.QUERY, description = "The days' time zone (an IANA name); UTC when left out.")
    @ApiResponse(responseCode = "200", description = "The CSV file.", content = @Content(mediaType = "text/csv"))
    @GetMapping("/export.csv")
    void export(Actor actor, @RequestParam(required = false) String person, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String timezone, HttpServletResponse response) {
        auditLog.export(actor, new AuditLogQuery(person, kind, from, to, timezone, null, null), ZoneOffset.UTC, fileName -> {
            response.setContentType("text/csv");
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
            return response.getWriter();
        });
    }

    private static EntryJson json(AuditLogRow row) {
        var entry = row.entry();
        return new EntryJson(entry.id(), entry.at().toString(), entry.action(), row.kind(), row.group(), entry.outcome(),
                entry.actorUserId(), row.actor(), entry.targetType(), entry.targetId(), row.target(), entry.profileId(),
                row.profile(), entry.details(), entry.ip(), entry.sessionReference(), entry.systemActor());
    }
}
