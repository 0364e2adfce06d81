package com.leadline.support.internal;

import com.leadline.platform.ClientAddress;
import com.leadline.platform.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The support console: its own sign-in, finding users by email, reactivation and invitation resends. */
@Controller
class SupportController {

    private final SupportService support;
    private final SessionSignIn sessions;

    SupportController(SupportService support, SessionSignIn sessions) {
        this.support = support;
        this.sessions = sessions;
    }

    @GetMapping("/support/signin")
    String signInForm() {
        return "support/signin";
    }

    @PostMapping("/support/signin")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<StaffPrincipal> staffMember = support.signIn(email, password, ClientAddress.of(request));
        if (staffMember.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("failure", "That email and password don't match a support account.");
            model.addAttribute("email", email);
            return "support/signin";
        }
        sessions.signInAs(request, response, staffMember.get(), StaffPrincipal.ROLE);
        return "redirect:/support";
    }

    @GetMapping("/support")
    String console(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email,
                   HttpServletRequest request, Model model) {
        model.addAttribute("staff", staffMember);
        model.addAttribute("email", email);
        model.addAttribute("searched", !email.isBlank());
        if (!email.isBlank()) {
            support.lookUp(staffMember, email, ClientAddress.of(request)).ifPresent(found -> {
                model.addAttribute("facts", found.facts());
                model.addAttribute("audit", found.recentAudit());
            });
        }
        return "support/console";
    }

    @PostMapping("/support/users/reactivate")
    String reactivate(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email,
                      HttpServletRequest request) {
        support.reactivate(staffMember, email, ClientAddress.of(request));
        return backTo(email);
    }

    @PostMapping("/support/users/resend-invitation")
    String resendInvitation(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email,
                            HttpServletRequest request) {
        support.resendInvitation(staffMember, email, ClientAddress.of(request));
        return backTo(email);
    }

    private static String backTo(String email) {
        return "redirect:/support?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }
}
