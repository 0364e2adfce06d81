package com.leadline.support.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.SessionSignIn;
import com.leadline.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import com.leadline.platform.Totp;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The support console: its own sign-in (password, then a code from an authenticator app, enrolled
 * at the first sign-in), finding users by email, reactivation and invitation resends.
 */
@Controller
class SupportController {

    private static final String PENDING = "leadline.support.pendingSignIn";
    private static final Duration CODE_WINDOW = Duration.ofMinutes(5);

    /** Password accepted, code not yet: kept in the (not signed-in) session for a few minutes. */
    record PendingSignIn(UUID staffId, String email, Instant until, byte[] secretToEnrol) implements Serializable {
    }

    private final StaffSignInService signIns;
    private final SupportService support;
    private final SessionSignIn sessions;
    private final Clock clock;

    SupportController(StaffSignInService signIns, SupportService support, SessionSignIn sessions, Clock clock) {
        this.signIns = signIns;
        this.support = support;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/support/signin")
    String signInForm() {
        return "support/signin";
    }

    @PostMapping("/support/signin")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<StaffSignInService.PasswordChecked> checked = signIns.checkPassword(email, password);
        if (checked.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("failure", "That email and password don't match a support account.");
            model.addAttribute("email", email);
            return "support/signin";
        }
        sessions.rotateId(request);
        HttpSession session = request.getSession();
        session.setAttribute(PENDING, new PendingSignIn(checked.get().staffId(), checked.get().email(), clock.instant().plus(CODE_WINDOW),
                checked.get().enrolled() ? null : Totp.newSecret()));
        return "redirect:/support/signin/code";
    }

    @GetMapping("/support/signin/code")
    String codeForm(HttpServletRequest request, Model model) {
        return pending(request).map(signIn -> codePage(signIn, model)).orElse("redirect:/support/signin");
    }

    @PostMapping("/support/signin/code")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Optional<PendingSignIn> pending = pending(request);
        if (pending.isEmpty()) {
            return "redirect:/support/signin";
        }
        StaffSignInService.CodeCheck checked = signIns.checkCode(pending.get().staffId(), pending.get().secretToEnrol(), code);
        if (checked instanceof StaffSignInService.CodeCheck.SignedIn signedIn) {
            request.getSession().removeAttribute(PENDING);
            sessions.signInAs(request, response, signedIn.staffMember(), StaffPrincipal.ROLE);
            return "redirect:/support";
        }
        if (checked instanceof StaffSignInService.CodeCheck.Locked locked) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER,
                    Long.toString(TooManyRequestsException.retryAfterSeconds(Duration.between(clock.instant(), locked.until()))));
            model.addAttribute("failure", ("Too many wrong codes: sign-in to this support account is locked until %s. "
                    + "No code is checked before then. We have emailed you about it.").formatted(StaffSignInService.inUtc(locked.until())));
        } else {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("failure", "That code doesn't match. Enter the code your authenticator app shows now.");
        }
        return codePage(pending.get(), model);
    }

    private String codePage(PendingSignIn signIn, Model model) {
        if (signIn.secretToEnrol() != null) {
            model.addAttribute("secret", Totp.base32(signIn.secretToEnrol()));
            model.addAttribute("otpauth", Totp.uri("Leadline support", signIn.email(), signIn.secretToEnrol()));
        }
        return "support/code";
    }

    private Optional<PendingSignIn> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(PENDING);
        return pending instanceof PendingSignIn signIn && signIn.until().isAfter(clock.instant())
                ? Optional.of(signIn) : Optional.empty();
    }

    @GetMapping("/support")
    String console(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email,
                   Model model) {
        model.addAttribute("staff", staffMember);
        model.addAttribute("email", email);
        model.addAttribute("searched", !email.isBlank());
        if (!email.isBlank()) {
            support.lookUp(staffMember, email).ifPresent(found -> {
                model.addAttribute("facts", found.facts());
                model.addAttribute("audit", found.recentAudit());
                model.addAttribute("partners", found.partners());
            });
        }
        return "support/console";
    }

    @PostMapping("/support/agencies")
    String createAgency(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String agencyName,
                        @RequestParam(defaultValue = "") String adminName, @RequestParam(defaultValue = "") String adminEmail,
                        HttpServletRequest request, Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("staff", staffMember);
            model.addAttribute("searched", false);
            model.addAttribute("agencyErrors", errors);
            model.addAttribute("agencyForm", Map.of("agencyName", agencyName, "adminName", adminName, "adminEmail", adminEmail));
            return "support/console";
        });
        support.createAgency(staffMember, agencyName, adminName, adminEmail);
        return backTo(adminEmail);
    }

    @PostMapping("/support/users/reactivate")
    String reactivate(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email) {
        support.reactivate(staffMember, email);
        return backTo(email);
    }

    @PostMapping("/support/users/resend-invitation")
    String resendInvitation(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email) {
        support.resendInvitation(staffMember, email);
        return backTo(email);
    }

    /** Ends an agency's access to a client account; back to the user looked up (email), or the 422 form with the reason's error. */
    @PostMapping("/support/partner-access/end")
    String endPartnerAccess(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String client,
                            @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String reason,
                            @RequestParam(defaultValue = "") String email, HttpServletRequest request,
                            Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("endErrors", errors);
            model.addAttribute("endFor", client + "/" + agency);
            model.addAttribute("reason", reason);
            return console(staffMember, email, model);
        });
        support.endPartnerAccess(staffMember, id(client), id(agency), reason);
        return backTo(email);
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException();
        }
    }

    private static String backTo(String email) {
        return "redirect:/support?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }
}
