package com.leadline.partners.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.Htmx;
import com.leadline.platform.SessionSignIn;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agency's partner console, and the client's "Partner agencies" part of the Team page. */
@Controller
class PartnersController {

    /** A level shows in the agency's row and in its users' rows of the team list. */
    private static final String PARTNERS_CHANGED = "{\"partnersChanged\": true, \"teamChanged\": true}";

    private final PartnerService partners;
    private final PartnerWorkspace workspace;
    private final SessionSignIn sessions;

    PartnersController(PartnerService partners, PartnerWorkspace workspace, SessionSignIn sessions) {
        this.partners = partners;
        this.workspace = workspace;
        this.sessions = sessions;
    }

    /** The account switcher: a partner user moves to a client account their agency may work in, or back home. */
    @PostMapping("/partners/act")
    String act(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(defaultValue = "") String account,
               HttpServletRequest request, HttpServletResponse response) {
        UUID accountId;
        try {
            accountId = UUID.fromString(account.strip());
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException();
        }
        sessions.switchAccount(request, response, workspace.actIn(user, accountId));
        return "redirect:/";
    }

    @GetMapping("/partners")
    String console(Actor actor, Model model) {
        model.addAttribute("console", partners.console(actor, actor.name()));
        return "partners/console";
    }

    @GetMapping("/team/partners")
    String agencies(Actor actor, Model model) {
        model.addAttribute("agencies", partners.agencySection(actor));
        model.addAttribute("canSwitch", actor.can(Permission.SWITCH_PARTNER_LEVEL));
        model.addAttribute("canGrant", actor.can(Permission.GRANT_PARTNER_ACCESS));
        return "partners/agencies :: agencies";
    }

    @PostMapping("/team/partners")
    String grant(Actor actor, @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String level,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("grantErrors", errors);
            model.addAttribute("code", code);
            return agencies(actor, model);
        });
        partners.grant(actor, code, level);
        return done(request, response);
    }

    @PostMapping("/team/partners/{agencyId}/level")
    String level(Actor actor, @PathVariable UUID agencyId, @RequestParam(defaultValue = "") String level,
                 HttpServletRequest request, HttpServletResponse response) {
        partners.switchLevel(actor, agencyId, level);
        return done(request, response);
    }

    private static String done(HttpServletRequest request, HttpServletResponse response) {
        return Htmx.done(request, response, PARTNERS_CHANGED, "/team");
    }
}
