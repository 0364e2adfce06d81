package com.leadline.support.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.audit.AuditTrail;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.identity.Passwords;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.RequestRefusedException;
import com.leadline.platform.Tenancy;
import com.leadline.team.TeamSupport;
import com.leadline.platform.Totp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Support staff's use cases: signing in to the console (password, then a one-time code), looking a
 * customer's user up, reactivating, resending.
 */
@Service
class SupportService {

    static final int SIGN_INS_PER_ADDRESS = 10;
    static final int AUDIT_ENTRIES_SHOWN = 20;

    record UserLookup(TeamSupport.MemberFacts facts, List<AuditTrail.Recorded> recentAudit) {
    }

    private final StaffStore staff;
    private final Passwords passwords;
    private final Identities identities;
    private final TeamSupport team;
    private final AuditTrail auditTrail;
    private final AuditLog audit;
    private final RateLimiter rateLimiter;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final com.leadline.accounts.Agencies agencies;

    SupportService(com.leadline.accounts.Agencies agencies, StaffStore staff, Passwords passwords, Identities identities, TeamSupport team, AuditTrail auditTrail,
                   AuditLog audit, RateLimiter rateLimiter, Tenancy tenancy, TransactionTemplate transactions, Clock clock) {
        this.clock = clock;
        this.agencies = agencies;
        this.staff = staff;
        this.passwords = passwords;
        this.identities = identities;
        this.team = team;
        this.auditTrail = auditTrail;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    /** A staff member whose password was right: the second factor comes next. */
    record PasswordChecked(UUID staffId, String email, boolean enrolled) {
    }

    /** The first factor; every attempt is audited and rate limited per client address. */
    Optional<PasswordChecked> checkPassword(String email, String password, String ip) {
        rateLimiter.hit("support-sign-in:" + ip, SIGN_INS_PER_ADDRESS, Duration.ofMinutes(15));
        Optional<StaffStore.Staff> account = staff.byEmail(EmailAddresses.normalize(email));
        if (account.isEmpty()) {
            passwords.spendTimeOfOneCheck(password);
        }
        Optional<StaffStore.Staff> member = account.filter(found -> passwords.matches(password, found.passwordHash()));
        if (member.isEmpty()) {
            auditSignIn(Outcome.FAILURE, "password", null, ip);
        }
        return member.map(found -> new PasswordChecked(found.id(), found.email(), found.enrolled()));
    }

    /**
     * The second factor: a code from the staff member's authenticator app, or, at the first sign-in,
     * a code for the secret just shown to them, which enrols it. Each code works once.
     */
    Optional<StaffPrincipal> checkCode(UUID staffId, byte[] secretBeingEnrolled, String code, String ip) {
        rateLimiter.hit("support-code:" + ip, SIGN_INS_PER_ADDRESS, Duration.ofMinutes(15));
        return transactions.execute(status -> {
            StaffStore.Staff member = staff.byId(staffId).orElseThrow(RequestRefusedException::notFound);
            Instant now = clock.instant();
            boolean enrolling = !member.enrolled();
            byte[] secret = enrolling ? secretBeingEnrolled : member.totpSecret();
            OptionalLong step = secret == null ? OptionalLong.empty() : Totp.verify(secret, code, now, member.totpLastStep());
            boolean accepted = step.isPresent() && (enrolling ? staff.enrol(staffId, secret, step.getAsLong())
                    : staff.useStep(staffId, step.getAsLong()));
            if (!accepted) {
                auditSignIn(Outcome.FAILURE, "code", staffId, ip);
                return Optional.<StaffPrincipal>empty();
            }
            if (enrolling) {
                audit.record(AuditEntry.of("support.second_factor_enrolled", Outcome.SUCCESS).from(ip)
                        .with(Map.of("staff", staffId.toString())));
            }
            auditSignIn(Outcome.SUCCESS, "code", staffId, ip);
            return Optional.of(new StaffPrincipal(member.id(), member.name(), member.email()));
        });
    }

    private void auditSignIn(Outcome outcome, String factor, UUID staffId, String ip) {
        transactions.executeWithoutResult(status -> audit.record(AuditEntry.of("support.sign_in", outcome).from(ip)
                .with(Map.of("staff", staffId == null ? "unknown" : staffId.toString(), "factor", factor))));
    }

    /** The user holding this address, with their recent audit entries; the look-up itself is audited in their account. */
    Optional<UserLookup> lookUp(StaffPrincipal staffMember, String email, String ip) {
        return identities.locate(EmailAddresses.normalize(email))
                .flatMap(ref -> team.facts(ref.accountId(), ref.userId()))
                .map(facts -> transactions.execute(status -> tenancy.inAccount(facts.accountId(), () -> {
                    audit.record(AuditEntry.of("support.user_viewed", Outcome.SUCCESS).inAccount(facts.accountId())
                            .on("user", facts.userId()).from(ip)
                            .with(Map.of("supportStaff", staffMember.staffId().toString())));
                    return new UserLookup(facts, auditTrail.about("user", facts.userId().toString(), AUDIT_ENTRIES_SHOWN));
                })));
    }

    /**
     * Opens a partner agency and invites its first admin, in one transaction: the admin's invitation
     * email goes out only if both exist.
     */
    UUID createAgency(StaffPrincipal staffMember, String agencyName, String adminName, String adminEmail, String ip) {
        String name = agencyName == null ? "" : agencyName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw RequestRefusedException.invalid(Map.of("agencyName", "Enter the agency's name (up to 200 characters)."));
        }
        UUID agencyId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> tenancy.inAccount(agencyId, () -> {
            agencies.open(agencyId, name, clock.instant());
            team.inviteFirstAdmin(agencyId, adminName, adminEmail, staffMember.staffId(), ip);
            audit.record(AuditEntry.of("support.agency_created", Outcome.SUCCESS).inAccount(agencyId).on("account", agencyId)
                    .from(ip).with(Map.of("supportStaff", staffMember.staffId().toString())));
        }));
        return agencyId;
    }

    void reactivate(StaffPrincipal staffMember, String email, String ip) {
        Identities.UserRef user = locate(email);
        team.reactivate(user.accountId(), user.userId(), staffMember.staffId(), ip);
    }

    void resendInvitation(StaffPrincipal staffMember, String email, String ip) {
        Identities.UserRef user = locate(email);
        team.resendInvitation(user.accountId(), user.userId(), staffMember.staffId(), ip);
    }

    private Identities.UserRef locate(String email) {
        return identities.locate(EmailAddresses.normalize(email)).orElseThrow(RequestRefusedException::notFound);
    }
}
