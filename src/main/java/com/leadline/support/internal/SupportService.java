package com.leadline.support.internal;

import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.audit.AuditTrail;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.identity.Passwords;
import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.partners.PartnerRelationships;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.Tenancy;
import com.leadline.team.TeamSupport;
import com.leadline.platform.Totp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Support staff's use cases: signing in to the console (password, then a one-time code), looking a
 * customer's user up, reactivating, resending, opening an agency, ending an agency's access to a client.
 */
@Service
class SupportService {

    static final int SIGN_INS_PER_ADDRESS = 10;
    static final int AUDIT_ENTRIES_SHOWN = 20;
    static final int MAX_REASON = 500;
    static final int WRONG_CODES_BEFORE_LOCK = 5;
    static final Duration CODE_LOCK = Duration.ofMinutes(15);
    private static final DateTimeFormatter UTC_SECONDS =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    record UserLookup(TeamSupport.MemberFacts facts, List<AuditTrail.Recorded> recentAudit,
                      List<PartnerRelationships.Relationship> partners) {
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
    private final PartnerRelationships partners;
    private final Mailer mailer;

    SupportService(com.leadline.accounts.Agencies agencies, StaffStore staff, Passwords passwords, Identities identities, TeamSupport team, AuditTrail auditTrail,
                   AuditLog audit, RateLimiter rateLimiter, Tenancy tenancy, TransactionTemplate transactions, Clock clock,
                   PartnerRelationships partners, Mailer mailer) {
        this.clock = clock;
        this.partners = partners;
        this.mailer = mailer;
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
        rateLimiter.hit("support-sign-in", SIGN_INS_PER_ADDRESS, Duration.ofMinutes(15));
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

    /** What a second-factor code led to. */
    sealed interface CodeCheck {

        record SignedIn(StaffPrincipal staffMember) implements CodeCheck {
        }

        record Wrong() implements CodeCheck {
        }

        /** The account's code step is locked: no code, right or wrong, is checked until then. */
        record Locked(Instant until) implements CodeCheck {
        }
    }

    /**
     * The second factor: a code from the staff member's authenticator app, or, at the first sign-in,
     * a code for the secret just shown to them, which enrols it. Each code works once. Besides the
     * limit per client IP, the fifth wrong code in a row locks this staff account's code step for
     * {@link #CODE_LOCK} (wherever the codes came from), audited and told to the staff member by
     * email; a correct code before that clears the count.
     */
    CodeCheck checkCode(UUID staffId, byte[] secretBeingEnrolled, String code, String ip) {
        rateLimiter.hit("support-code", SIGN_INS_PER_ADDRESS, Duration.ofMinutes(15));
        return transactions.execute(status -> {
            StaffStore.Staff member = staff.byIdForCodeCheck(staffId).orElseThrow(NotFoundException::new);
            Instant now = clock.instant();
            if (member.codeLockedAt(now)) {
                audit.record(AuditEntry.of("support.sign_in", Outcome.REFUSED)
                        .with(Map.of("staff", staffId.toString(), "factor", "code", "lockedUntil", member.codeLockedUntil().toString())));
                return new CodeCheck.Locked(member.codeLockedUntil());
            }
            boolean enrolling = !member.enrolled();
            byte[] secret = enrolling ? secretBeingEnrolled : member.totpSecret();
            OptionalLong step = secret == null ? OptionalLong.empty() : Totp.verify(secret, code, now, member.totpLastStep());
            boolean accepted = step.isPresent() && (enrolling ? staff.enrol(staffId, secret, step.getAsLong())
                    : staff.useStep(staffId, step.getAsLong()));
            if (!accepted) {
                auditSignIn(Outcome.FAILURE, "code", staffId, ip);
                if (staff.countCodeFailure(staffId) < WRONG_CODES_BEFORE_LOCK) {
                    return new CodeCheck.Wrong();
                }
                return lockCodeStep(member, now, ip);
            }
            staff.clearCodeFailures(staffId);
            if (enrolling) {
                audit.record(AuditEntry.of("support.second_factor_enrolled", Outcome.SUCCESS)
                        .with(Map.of("staff", staffId.toString())));
            }
            auditSignIn(Outcome.SUCCESS, "code", staffId, ip);
            return new CodeCheck.SignedIn(new StaffPrincipal(member.id(), member.name(), member.email()));
        });
    }

    private CodeCheck.Locked lockCodeStep(StaffStore.Staff member, Instant now, String ip) {
        Instant until = now.plus(CODE_LOCK);
        staff.lockCode(member.id(), until);
        audit.record(AuditEntry.of("support.second_factor_locked", Outcome.REFUSED)
                .with(Map.of("staff", member.id().toString(), "wrongCodes", String.valueOf(WRONG_CODES_BEFORE_LOCK),
                        "lockedUntil", until.toString())));
        mailer.queue(new OutgoingMail(member.email(), "Your Leadline support sign-in is locked until " + inUtc(until), """
                Hello %s,

                Someone signed in to the Leadline support console with your password and then entered %d wrong
                codes in a row, so sign-in to your support account is locked.

                Locked at: %s
                Locked until: %s
                From the IP address: %s

                If this was you, wait until then and sign in again with the code your authenticator app shows.

                If it was not you, someone knows your support password: ask a Leadline operator to change it
                right away, and tell them the time and IP address above.
                """.formatted(member.name(), WRONG_CODES_BEFORE_LOCK, inUtc(now), inUtc(until), ip)));
        return new CodeCheck.Locked(until);
    }

    /** A moment as staff read it in pages and mail: staff accounts have no timezone, so UTC. */
    static String inUtc(Instant instant) {
        return UTC_SECONDS.format(instant);
    }

    private void auditSignIn(Outcome outcome, String factor, UUID staffId, String ip) {
        transactions.executeWithoutResult(status -> audit.record(AuditEntry.of("support.sign_in", outcome)
                .with(Map.of("staff", staffId == null ? "unknown" : staffId.toString(), "factor", factor))));
    }

    /** The user holding this address, with their recent audit entries; the look-up itself is audited in their account. */
    Optional<UserLookup> lookUp(StaffPrincipal staffMember, String email, String ip) {
        return identities.locate(EmailAddresses.normalize(email))
                .flatMap(ref -> team.facts(ref.accountId(), ref.userId()))
                .map(facts -> transactions.execute(status -> tenancy.inAccount(facts.accountId(), () -> {
                    audit.record(AuditEntry.of("support.user_viewed", Outcome.SUCCESS).inAccount(facts.accountId())
                            .on("user", facts.userId())
                            .with(Map.of("supportStaff", staffMember.staffId().toString())));
                    return new UserLookup(facts, auditTrail.about("user", facts.userId().toString(), AUDIT_ENTRIES_SHOWN),
                            partners.of(facts.accountId()));
                })));
    }

    /**
     * Opens a partner agency and invites its first admin, in one transaction: the admin's invitation
     * email goes out only if both exist.
     */
    UUID createAgency(StaffPrincipal staffMember, String agencyName, String adminName, String adminEmail, String ip) {
        String name = agencyName == null ? "" : agencyName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException(Map.of("agencyName", "Enter the agency's name (up to 200 characters)."));
        }
        UUID agencyId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> tenancy.inAccount(agencyId, () -> {
            agencies.open(agencyId, name, clock.instant());
            team.inviteFirstAdmin(agencyId, adminName, adminEmail, staffMember.staffId(), ip);
            audit.record(AuditEntry.of("support.agency_created", Outcome.SUCCESS).inAccount(agencyId).on("account", agencyId)
                    .with(Map.of("supportStaff", staffMember.staffId().toString())));
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

    /**
     * Ends an agency's access to a client account (the client cannot, PERMISSIONS.md row 12), with the
     * reason on record in both accounts' audit logs; the client's active owner and admins are told by
     * email once it is done. Nothing changes unless the agency had access to that account.
     */
    void endPartnerAccess(StaffPrincipal staffMember, UUID clientId, UUID agencyId, String rawReason, String ip) {
        String reason = rawReason == null ? "" : rawReason.strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new InvalidInputException(Map.of("reason",
                    "Say why the access ends, in up to " + MAX_REASON + " characters: it goes on record in both accounts."));
        }
        transactions.executeWithoutResult(status -> {
            PartnerRelationships.Relationship ended = partners.end(clientId, agencyId).orElseThrow(NotFoundException::new);
            Map<String, String> details = Map.of("supportStaff", staffMember.staffId().toString(), "reason", reason,
                    "client", ended.clientName(), "agency", ended.agencyName(), "level", ended.levelLabel());
            audit.record(AuditEntry.of("support.partner_access_ended", Outcome.SUCCESS).inAccount(clientId)
                    .on("agency", agencyId).with(details));
            audit.record(AuditEntry.of("support.partner_access_ended", Outcome.SUCCESS).inAccount(agencyId)
                    .on("account", clientId).with(details));
            for (TeamSupport.Admin admin : team.activeAdminsOf(clientId)) {
                mailer.queue(new OutgoingMail(admin.email(), ended.agencyName() + " no longer has access to " + ended.clientName(), """
                        Hello %s,

                        Leadline support has ended the access of the partner agency %s to your Leadline account %s.
                        Its users no longer see or change anything in your account.

                        The reason support recorded: %s

                        If you did not expect this, contact Leadline support.
                        """.formatted(admin.name(), ended.agencyName(), ended.clientName(), reason)));
            }
        });
    }

    private Identities.UserRef locate(String email) {
        return identities.locate(EmailAddresses.normalize(email)).orElseThrow(NotFoundException::new);
    }
}
