package com.leadline.team.internal.web;

import com.leadline.platform.FormRefusals;
import com.leadline.accounts.Profiles;
import com.leadline.platform.Htmx;
import com.leadline.platform.ShellProfiles;
import com.leadline.team.Actor;
import com.leadline.team.PartnerAccess;
import com.leadline.team.Permission;
import com.leadline.team.Role;
import com.leadline.team.internal.TeamList;
import com.leadline.team.internal.TeamRules;
import com.leadline.team.internal.invitation.InvitationService;
import com.leadline.team.internal.member.DeactivationService;
import com.leadline.team.internal.member.MemberService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;

/** The Team page and its modals (htmx fragments of the same templates). Translates; the rules live in the use-case services. */
@Controller
class TeamController {

    private static final String TEAM_CHANGED = "{\"teamChanged\": true, \"closeModal\": true}";

    private final InvitationService invitations;
    private final MemberService members;
    private final DeactivationService deactivations;
    private final TeamList teamList;
    private final Profiles profiles;
    private final PartnerAccess partnerAccess;
    private final Clock clock;

    TeamController(InvitationService invitations, MemberService members, DeactivationService deactivations, TeamList teamList,
                   Profiles profiles, PartnerAccess partnerAccess, Clock clock) {
        this.invitations = invitations;
        this.members = members;
        this.deactivations = deactivations;
        this.teamList = teamList;
        this.profiles = profiles;
        this.partnerAccess = partnerAccess;
        this.clock = clock;
    }

    @GetMapping("/team")
    String page(Actor actor, @RequestParam Map<String, String> query,
                @SessionAttribute(name = ShellProfiles.CURRENT_PROFILE, required = false) UUID currentProfile, Model model) {
        Map<String, String> withDefault = new java.util.HashMap<>(query);
        if (currentProfile != null && actor.canManageProfile(currentProfile)) {
            // The profile chosen in the shell's switcher is the page's default.
            withDefault.putIfAbsent("profile", currentProfile.toString());
        }
        fillList(actor, withDefault, model);
        model.addAttribute("profileChoices", profileChoices(actor));
        model.addAttribute("held", deactivations.conversationsHeldByDeactivated(actor));
        model.addAttribute("canBulk", actor.can(Permission.BULK_TRANSFER));
        // The partner agencies section comes with the page (the partners module refreshes it after a change).
        model.addAttribute("agencies", partnerAccess.agencies());
        model.addAttribute("canSwitch", actor.can(Permission.SWITCH_PARTNER_LEVEL));
        model.addAttribute("canGrant", actor.can(Permission.GRANT_PARTNER_ACCESS));
        return "team/members";
    }

    @GetMapping("/team/rows")
    String rows(Actor actor, @RequestParam Map<String, String> query, Model model) {
        fillList(actor, query, model);
        return "team/members :: list";
    }

    private void fillList(Actor actor, Map<String, String> query, Model model) {
        TeamList.Filter filter = TeamList.Filter.from(query);
        String type = query.getOrDefault("type", "all");
        model.addAttribute("page", type.equals("partners") ? TeamList.Page.EMPTY : teamList.page(actor, filter));
        model.addAttribute("partners", type.equals("team") ? List.of() : teamList.partners(actor, filter));
        model.addAttribute("type", type);
        model.addAttribute("now", clock.instant());
        model.addAttribute("actor", actor);
        model.addAttribute("canManage", actor.can(Permission.INVITE_USERS));
        model.addAttribute("selectedProfile", filter.profileId());
        model.addAttribute("state", query.getOrDefault("state", "current"));
        model.addAttribute("q", filter.search());
    }

    @GetMapping("/team/members/new")
    String newMember(Actor actor, @RequestParam(required = false) String profile, Model model) {
        actor.require(Permission.INVITE_USERS);
        model.addAttribute("form", new InvitationService.InviteCommand("", "", "member", profile == null || profile.isBlank()
                ? TeamRules.ALL_PROFILES : profile));
        return inviteForm(actor, model);
    }

    @PostMapping("/team/members")
    String invite(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String profile,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        InvitationService.InviteCommand command = new InvitationService.InviteCommand(name, email, role, profile);
        // Refused input, or the invitation limits, keep the dialog open with what was typed.
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("form", command);
            model.addAttribute("errors", errors);
            return inviteForm(actor, model);
        });
        invitations.invite(actor, command);
        return done(request, response);
    }

    private String inviteForm(Actor actor, Model model) {
        model.addAttribute("profileChoices", profileChoices(actor));
        model.addAttribute("roles", grantableRoles(actor));
        return "team/member-form :: invite";
    }

    @GetMapping("/team/members/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        actor.require(Permission.EDIT_USERS);
        MemberService.MemberDetails member = members.details(actor, id);
        model.addAttribute("form", new MemberService.EditCommand(member.user().name(), member.user().email(),
                member.role().code(), member.profileIds().stream().map(UUID::toString).toList()));
        return editForm(actor, member, model);
    }

    @PostMapping("/team/members/{id}")
    String update(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
                  @RequestParam(defaultValue = "") List<String> profiles,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        MemberService.EditCommand command = new MemberService.EditCommand(name, email, role, profiles);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("form", command);
            model.addAttribute("errors", errors);
            return editForm(actor, members.details(actor, id), model);
        });
        members.edit(actor, id, command);
        return done(request, response);
    }

    private String editForm(Actor actor, MemberService.MemberDetails member, Model model) {
        model.addAttribute("user", member.user());
        model.addAttribute("userRole", member.role());
        model.addAttribute("invitation", member.openInvitation().orElse(null));
        model.addAttribute("profileChoices", profileChoices(actor));
        model.addAttribute("roles", grantableRoles(actor));
        model.addAttribute("canDeactivate", member.deactivatable());
        return "team/member-form :: edit";
    }

    @PostMapping("/team/members/{id}/resend")
    String resend(Actor actor, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        invitations.resend(actor, id);
        return done(request, response);
    }

    @PostMapping("/team/members/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        invitations.cancel(actor, id);
        return done(request, response);
    }

    @GetMapping("/team/members/{id}/deactivate")
    String confirmDeactivation(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("preview", deactivations.previewDeactivation(actor, id));
        model.addAttribute("handover", "keep");
        return "team/deactivate :: confirm";
    }

    /** The form always sends the member list's choice; it counts only when "to a member" is chosen. */
    @PostMapping("/team/members/{id}/deactivate")
    String deactivate(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String handover,
                      @RequestParam(defaultValue = "") String transferTo,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            model.addAttribute("preview", deactivations.previewDeactivation(actor, id));
            model.addAttribute("handover", handover);
            model.addAttribute("transferTo", transferTo);
            return "team/deactivate :: confirm";
        });
        int kept = deactivations.deactivate(actor, id, handover, handover.equals("member") ? transferTo : "");
        if (kept > 0) {
            // The page's panel of conversations held by deactivated people now lists them: load it afresh.
            response.setHeader("HX-Refresh", "true");
        }
        return done(request, response);
    }

    /** htmx: close the modal and reload the list; a plain form post goes back to the Team page. */
    private static String done(HttpServletRequest request, HttpServletResponse response) {
        return Htmx.done(request, response, TEAM_CHANGED, "/team");
    }

    private List<Profiles.ProfileSummary> profileChoices(Actor actor) {
        return profiles.all().stream().filter(profile -> actor.canManageProfile(profile.id())).toList();
    }

    private static List<Role> grantableRoles(Actor actor) {
        return List.of(Role.ADMIN, Role.MEMBER).stream().filter(role -> role.isAtMost(actor.role())).toList();
    }
}
