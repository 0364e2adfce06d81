package com.leadline.team.internal.web;

import com.leadline.platform.FormRefusals;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SessionSignIn;
import com.leadline.team.internal.invitation.InvitationAcceptance;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page an invitation link opens: choose your name and password, and you are in. */
@Controller
class InvitationController {

    private final InvitationAcceptance acceptance;
    private final SessionSignIn sessions;

    InvitationController(InvitationAcceptance acceptance, SessionSignIn sessions) {
        this.acceptance = acceptance;
        this.sessions = sessions;
    }

    @GetMapping("/invitations/accept")
    String form(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<InvitationAcceptance.PendingInvitation> invitation = acceptance.pendingInvitation(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "team/invitation-invalid";
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("token", token);
        model.addAttribute("name", invitation.get().name());
        return "team/accept";
    }

    @PostMapping("/invitations/accept")
    String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String password, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> again(token, name, errors, response, model));
        Optional<AuthenticatedUser> user = acceptance.accept(token, name, password);
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "team/invitation-invalid";
        }
        sessions.signIn(request, response, user.get());
        return "redirect:/";
    }

    private String again(String token, String name, Map<String, String> errors, HttpServletResponse response, Model model) {
        Optional<InvitationAcceptance.PendingInvitation> invitation = acceptance.pendingInvitation(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "team/invitation-invalid";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("token", token);
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        return "team/accept";
    }
}
