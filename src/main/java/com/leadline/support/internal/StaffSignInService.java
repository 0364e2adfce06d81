package com.leadline.support.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Passwords;
import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.CallerContext;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.Totp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Support staff's sign-in to the console: the password, then a one-time code from an authenticator app. */
@Service
class StaffSignInService {

    static final int SIGN_INS_PER_ADDRESS = 10;
    static final int WRONG_CODES_BEFORE_LOCK = 5;
    static final Duration CODE_LOCK = Duration.ofMinutes(15);
    private static final DateTimeFormatter UTC_SECONDS =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A staff member whose password was right: the second factor comes next. */
    record PasswordChecked(UUID staffId, String email, boolean enrolled) {
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

    private final StaffStore staff;
    private final Passwords passwords;
    private final AuditLog audit;
    private final RateLimiter rateLimiter;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StaffSignInService(StaffStore staff, Passwords passwords, AuditLog audit, RateLimiter rateLimiter, Mailer mailer,
                       TransactionTemplate transactions, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The first factor; every attempt is audited and rate limited per client address. */
    Optional<PasswordChecked> checkPassword(String email, String password) {
        rateLimiter.hit("support-sign-in", SIGN_INS_PER_ADDRESS, Duration.ofMinutes(15));
        Optional<StaffStore.Staff> account = staff.byEmail(EmailAddresses.normalize(email));
        if (account.isEmpty()) {
            passwords.spendTimeOfOneCheck(password);
        }
        Optional<StaffStore.Staff> member = account.filter(found -> passwords.matches(password, found.passwordHash()));
        if (member.isEmpty()) {
            auditSignIn(Outcome.FAILURE, "password", null);
        }
        return member.map(found -> new PasswordChecked(found.id(), found.email(), found.enrolled()));
    }

    /**
     * The second factor: a code from the staff member's authenticator app, or, at the first sign-in,
     * a code for the secret just shown to them, which enrols it. Each code works once. Besides the
     * limit per client IP, the fifth wrong code in a row locks this staff account's code step for
     * {@link #CODE_LOCK} (wherever the codes came from), audited and told to the staff member by
     * email; a correct code before that clears the count.
     */
    CodeCheck checkCode(UUID staffId, byte[] secretBeingEnrolled, String code) {
        rateLimiter.hit("support-code", SIGN_INS_PER_ADDRESS, Duration.ofMinutes(15));
        return transactions.execute(status -> {
            StaffStore.Staff member = staff.byIdForCodeCheck(staffId).orElseThrow(NotFoundException::new);
            Instant now = clock.instant();
            if (member.codeLockedAt(now)) {
                audit.record(AuditEntry.of("support.sign_in", Outcome.REFUSED)
                        .with(Map.of("staff", staffId.toString(), "factor", "code", "lockedUntil", member.codeLockedUntil().toString())));
                return new CodeCheck.Locked(member.codeLockedUntil());
            }
            if (!acceptCode(member, secretBeingEnrolled, code, now)) {
                auditSignIn(Outcome.FAILURE, "code", staffId);
                boolean locks = staff.countCodeFailure(staffId) >= WRONG_CODES_BEFORE_LOCK;
                return locks ? lockCodeStep(member, now) : new CodeCheck.Wrong();
            }
            staff.clearCodeFailures(staffId);
            if (!member.enrolled()) {
                audit.record(AuditEntry.of("support.second_factor_enrolled", Outcome.SUCCESS)
                        .with(Map.of("staff", staffId.toString())));
            }
            auditSignIn(Outcome.SUCCESS, "code", staffId);
            return new CodeCheck.SignedIn(new StaffPrincipal(member.id(), member.name(), member.email()));
        });
    }

    /** Checks the code against the enrolled secret (or enrols the one being shown) and uses its time step up. */
    private boolean acceptCode(StaffStore.Staff member, byte[] secretBeingEnrolled, String code, Instant now) {
        byte[] secret = member.enrolled() ? member.totpSecret() : secretBeingEnrolled;
        OptionalLong step = secret == null ? OptionalLong.empty() : Totp.verify(secret, code, now, member.totpLastStep());
        if (step.isEmpty()) {
            return false;
        }
        return member.enrolled() ? staff.useStep(member.id(), step.getAsLong())
                : staff.enrol(member.id(), secret, step.getAsLong());
    }

    private CodeCheck.Locked lockCodeStep(StaffStore.Staff member, Instant now) {
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
                """.formatted(member.name(), WRONG_CODES_BEFORE_LOCK, inUtc(now), inUtc(until),
                CallerContext.current().clientAddress())));
        return new CodeCheck.Locked(until);
    }

    /** A moment as staff read it in pages and mail: staff accounts have no timezone, so UTC. */
    static String inUtc(Instant instant) {
        return UTC_SECONDS.format(instant);
    }

    private void auditSignIn(Outcome outcome, String factor, UUID staffId) {
        transactions.executeWithoutResult(status -> audit.record(AuditEntry.of("support.sign_in", outcome)
                .with(Map.of("staff", staffId == null ? "unknown" : staffId.toString(), "factor", factor))));
    }
}
