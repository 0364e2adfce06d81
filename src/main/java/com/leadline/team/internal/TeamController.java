package com.leadline.team.internal;

import com.leadline.accounts.Profiles;
import com.leadline.identity.Identities;
import com.leadline.platform.ClientAddress;
import com.leadline.platform.RequestRefusedException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import com.leadline.team.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Team page and its modals (htmx fragments of the same templates). Translates; the rules live in TeamService. */
@Controller
class TeamController {

    private static final String TEAM_CHANGED = "{\"teamChanged\": true, \"closeModal\": true}";

    private final TeamService teamService;
    private final TeamList teamList;
    private final Profiles profiles;
    private final Identities identities;
    private final TeamStore team;
    private final Clock clock;

    TeamController(TeamService teamService, TeamList teamList, Profiles profiles, Identities identities, TeamStore team,
                   Clock clock) {
        this.teamService = teamService;
        this.teamList = teamList;
        this.profiles = profiles;
        this.identities = identities;
        this.team = team;
        this.clock = clock;
    }

    @GetMapping("/team")
    String page(Actor actor, @RequestParam Map<String, String> query, Model model) {
        fillList(actor, query, model);
        model.addAttribute("profileChoices", profileChoices(actor));
        return "team/members";
    }

    @GetMapping("/team/rows")
    String rows(Actor actor, @RequestParam Map<String, String> query, Model model) {
        fillList(actor, query, model);
        return "team/members :: list";
    }

    private void fillList(Actor actor, Map<String, String> query, Model model) {
        UUID profile = optionalUuid(query.get("profile"));
        String stateChoice = query.getOrDefault("state", "current");
        Set<TeamList.State> states = switch (stateChoice) {
            case "active" -> EnumSet.of(TeamList.State.ACTIVE);
            case "invited" -> EnumSet.of(TeamList.State.INVITED);
            case "expired" -> EnumSet.of(TeamList.State.EXPIRED);
            case "deactivated" -> EnumSet.of(TeamList.State.DEACTIVATED);
            case "all" -> EnumSet.allOf(TeamList.State.class);
            default -> EnumSet.of(TeamList.State.ACTIVE, TeamList.State.INVITED, TeamList.State.EXPIRED);
        };
        String search = query.getOrDefault("q", "");
        TeamList.Page page = teamList.page(actor, new TeamList.Filter(profile, states, search,
                query.get("afterName"), optionalUuid(query.get("afterId"))));
        model.addAttribute("page", page);
        model.addAttribute("now", clock.instant());
        model.addAttribute("actor", actor);
        model.addAttribute("canManage", actor.can(Permission.INVITE_USERS));
        model.addAttribute("selectedProfile", profile);
        model.addAttribute("state", stateChoice);
        model.addAttribute("q", search);
    }

    @GetMapping("/team/members/new")
    String newMember(Actor actor, @RequestParam(required = false) String profile, Model model) {
        actor.require(Permission.INVITE_USERS);
        model.addAttribute("form", new TeamService.InviteCommand("", "", "member", profile == null || profile.isBlank()
                ? TeamService.ALL_PROFILES : profile));
        return inviteForm(actor, model);
    }

    @PostMapping("/team/members")
    String invite(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String profile,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        TeamService.InviteCommand command = new TeamService.InviteCommand(name, email, role, profile);
        try {
            teamService.invite(actor, command, ClientAddress.of(request));
        } catch (RequestRefusedException refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            model.addAttribute("form", command);
            model.addAttribute("errors", refused.fieldErrors());
            return inviteForm(actor, model);
        }
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
        Identities.UserView user = identities.user(id).orElseThrow(RequestRefusedException::notFound);
        requireVisible(actor, id);
        Role role = team.roleOf(id).orElseThrow(RequestRefusedException::notFound);
        model.addAttribute("form", new TeamService.EditCommand(user.name(), user.email(), role.code(),
                team.memberProfiles(id).stream().map(UUID::toString).toList()));
        return editForm(actor, user, role, model);
    }

    @PostMapping("/team/members/{id}")
    String update(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
                  @RequestParam(defaultValue = "") List<String> profiles,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        TeamService.EditCommand command = new TeamService.EditCommand(name, email, role, profiles);
        try {
            teamService.edit(actor, id, command, ClientAddress.of(request));
        } catch (RequestRefusedException refused) {
            if (refused.fieldErrors().isEmpty()) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            model.addAttribute("form", command);
            model.addAttribute("errors", refused.fieldErrors());
            Identities.UserView user = identities.user(id).orElseThrow(RequestRefusedException::notFound);
            return editForm(actor, user, team.roleOf(id).orElseThrow(), model);
        }
        return done(request, response);
    }

    private String editForm(Actor actor, Identities.UserView user, Role role, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("userRole", role);
        model.addAttribute("invitation", team.openInvitationOf(user.id()).orElse(null));
        model.addAttribute("profileChoices", profileChoices(actor));
        model.addAttribute("roles", grantableRoles(actor));
        model.addAttribute("canDeactivate", role != Role.OWNER && !user.id().equals(actor.userId())
                && user.status() == Identities.UserStatus.ACTIVE);
        return "team/member-form :: edit";
    }

    @PostMapping("/team/members/{id}/resend")
    String resend(Actor actor, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        teamService.resend(actor, id, ClientAddress.of(request));
        return done(request, response);
    }

    @PostMapping("/team/members/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        teamService.cancel(actor, id, ClientAddress.of(request));
        return done(request, response);
    }

    @GetMapping("/team/members/{id}/deactivate")
    String confirmDeactivation(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("preview", teamService.previewDeactivation(actor, id));
        return "team/deactivate :: confirm";
    }

    @PostMapping("/team/members/{id}/deactivate")
    String deactivate(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String transferTo,
                      HttpServletRequest request, HttpServletResponse response) {
        Optional<UUID> target = transferTo.isBlank() || transferTo.equals("unassigned") ? Optional.empty()
                : Optional.of(optionalUuid(transferTo));
        teamService.deactivate(actor, id, target, ClientAddress.of(request));
        return done(request, response);
    }

    /** htmx: close the modal and reload the list; a plain form post goes back to the Team page. */
    private static String done(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Trigger", TEAM_CHANGED);
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        return "redirect:/team";
    }

    private void requireVisible(Actor actor, UUID id) {
        if (!actor.isOwner() && !actor.userId().equals(id) && !team.sharesAProfile(id, actor.profileIds())) {
            throw RequestRefusedException.notFound();
        }
    }

    private List<Profiles.ProfileSummary> profileChoices(Actor actor) {
        return profiles.all().stream().filter(profile -> actor.canManageProfile(profile.id())).toList();
    }

    private static List<Role> grantableRoles(Actor actor) {
        return List.of(Role.ADMIN, Role.MEMBER).stream().filter(role -> role.isAtMost(actor.role())).toList();
    }

    private static UUID optionalUuid(String text) {
        if (text == null || text.isBlank() || text.equals(TeamService.ALL_PROFILES)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException malformed) {
            throw RequestRefusedException.notFound();
        }
    }
}
