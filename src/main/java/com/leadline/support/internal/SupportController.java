package com.leadline.support.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.audit.AuditTrail;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.identity.Passwords;
import com.leadline.platform.ClientAddress;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.RequestRefusedException;
import com.leadline.platform.SessionSignIn;
import com.leadline.platform.Tenancy;
import com.leadline.team.TeamSupport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The support console: its own sign-in, finding users by email, reactivation and invitation resends. */
@Controller
class SupportController {

    private final StaffStore staff;
    private final Passwords passwords;
    private final Identities identities;
    private final TeamSupport team;
    private final AuditTrail auditTrail;
    private final AuditLog audit;
    private final RateLimiter rateLimiter;
    private final SessionSignIn sessions;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;

    SupportController(StaffStore staff, Passwords passwords, Identities identities, TeamSupport team,
                      AuditTrail auditTrail, AuditLog audit, RateLimiter rateLimiter, SessionSignIn sessions,
                      Tenancy tenancy, TransactionTemplate transactions) {
        this.staff = staff;
        this.passwords = passwords;
        this.identities = identities;
        this.team = team;
        this.auditTrail = auditTrail;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.sessions = sessions;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    @GetMapping("/support/signin")
    String signInForm() {
        return "support/signin";
    }

    @PostMapping("/support/signin")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String ip = ClientAddress.of(request);
        rateLimiter.hit("support-sign-in:" + ip, 10, Duration.ofMinutes(15));
        String normalized = EmailAddresses.normalize(email);
        Optional<StaffStore.Staff> member = staff.byEmail(normalized)
                .filter(found -> passwords.matches(password, found.passwordHash()));
        if (staff.byEmail(normalized).isEmpty()) {
            passwords.spendTimeOfOneCheck(password);
        }
        transactions.executeWithoutResult(status -> audit.record(AuditEntry.of("support.sign_in",
                member.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE).from(ip)
                .with(Map.of("staff", member.map(m -> m.id().toString()).orElse("unknown")))));
        if (member.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("failure", "That email and password don't match a support account.");
            model.addAttribute("email", email);
            return "support/signin";
        }
        sessions.signInAs(request, response, new StaffPrincipal(member.get().id(), member.get().name(), member.get().email()),
                StaffPrincipal.ROLE);
        return "redirect:/support";
    }

    @GetMapping("/support")
    String console(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email,
                   HttpServletRequest request, Model model) {
        model.addAttribute("staff", staffMember);
        model.addAttribute("email", email);
        if (email.isBlank()) {
            return "support/console";
        }
        Optional<Identities.UserRef> found = identities.locate(EmailAddresses.normalize(email));
        model.addAttribute("searched", true);
        found.flatMap(ref -> team.facts(ref.accountId(), ref.userId())).ifPresent(facts -> {
            model.addAttribute("facts", facts);
            model.addAttribute("audit", transactions.execute(status -> tenancy.inAccount(facts.accountId(), () -> {
                audit.record(AuditEntry.of("support.user_viewed", Outcome.SUCCESS).inAccount(facts.accountId())
                        .on("user", facts.userId()).from(ClientAddress.of(request))
                        .with(Map.of("supportStaff", staffMember.staffId().toString())));
                return auditTrail.about("user", facts.userId().toString(), 20);
            })));
        });
        return "support/console";
    }

    @PostMapping("/support/users/reactivate")
    String reactivate(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email,
                      HttpServletRequest request) {
        Identities.UserRef user = identities.locate(EmailAddresses.normalize(email)).orElseThrow(RequestRefusedException::notFound);
        team.reactivate(user.accountId(), user.userId(), staffMember.staffId(), ClientAddress.of(request));
        return "redirect:/support?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping("/support/users/resend-invitation")
    String resendInvitation(@AuthenticationPrincipal StaffPrincipal staffMember, @RequestParam(defaultValue = "") String email,
                            HttpServletRequest request) {
        Identities.UserRef user = identities.locate(EmailAddresses.normalize(email)).orElseThrow(RequestRefusedException::notFound);
        team.resendInvitation(user.accountId(), user.userId(), staffMember.staffId(), ClientAddress.of(request));
        return "redirect:/support?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
    }
}
