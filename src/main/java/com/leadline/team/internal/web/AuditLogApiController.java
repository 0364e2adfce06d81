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
