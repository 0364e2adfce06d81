package com.leadline.team.internal.web;

import com.leadline.platform.FormRefusals;
import com.leadline.platform.ShellProfiles;
import com.leadline.team.Actor;
import com.leadline.team.ViewerTimeZone;
import com.leadline.team.internal.auditlog.AuditLogQuery;
import com.leadline.team.internal.auditlog.AuditLogService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;

/** The account's audit log page: filters, newest entries first, older pages by link, and the CSV download with the same filters. */
@Controller
class AuditLogController {

    static final String PATH = "/settings/audit-log";

    private final AuditLogService auditLog;

    private final ViewerTimeZone zones;

    AuditLogController(AuditLogService auditLog, ViewerTimeZone zones) {
        this.auditLog = auditLog;
        this.zones = zones;
    }

    @GetMapping(PATH)
    String page(Actor actor, @RequestParam(required = false) String person, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String after,
                @SessionAttribute(name = ShellProfiles.CURRENT_PROFILE, required = false) UUID currentProfile,
                HttpServletRequest request, Model model) {
        // The filters' choices first: whoever may not read the log is refused before anything is read.
        model.addAttribute("choices", auditLog.choices(actor));
        ZoneId zone = zones.of(actor, currentProfile);
        AuditLogQuery query = new AuditLogQuery(person, kind, from, to, null, after, null);
        model.addAttribute("typed", query);
        model.addAttribute("zone", zone.getId());
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            return "team/audit-log";
        });
        AuditLogService.Listing listing = auditLog.page(actor, query, zone);
        model.addAttribute("listing", listing);
        model.addAttribute("firstPage", listing.query().after() == null);
        return "team/audit-log";
    }
}
