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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Support staff's use cases: signing in to the console, looking a customer's user up, reactivating, resending. */
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

    SupportService(StaffStore staff, Passwords passwords, Identities identities, TeamSupport team, AuditTrail auditTrail,
                   AuditLog audit, RateLimiter rateLimiter, Tenancy tenancy, TransactionTemplate transactions) {
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

    /** The staff member these credentials belong to; every attempt is audited and rate limited per address. */
    Optional<StaffPrincipal> signIn(String email, String password, String ip) {
        rateLimiter.hit("support-sign-in:" + ip, SIGN_INS_PER_ADDRESS, Duration.ofMinutes(15));
        Optional<StaffStore.Staff> account = staff.byEmail(EmailAddresses.normalize(email));
        if (account.isEmpty()) {
            passwords.spendTimeOfOneCheck(password);
        }
        Optional<StaffStore.Staff> member = account.filter(found -> passwords.matches(password, found.passwordHash()));
        transactions.executeWithoutResult(status -> audit.record(AuditEntry.of("support.sign_in",
                member.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE).from(ip)
                .with(Map.of("staff", member.map(m -> m.id().toString()).orElse("unknown")))));
        return member.map(found -> new StaffPrincipal(found.id(), found.name(), found.email()));
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
