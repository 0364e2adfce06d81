package com.leadline.identity.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities.UserStatus;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.Tenancy;
import com.leadline.platform.TooManyRequestsException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email and password sign-in. Every failure (unknown address, wrong password, inactive user,
 * throttled address) gives the caller the same empty answer; only the audit log tells them apart.
 */
@Service
class SignInService {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int attemptsPerAddress;
    private final Duration addressWindow;

    SignInService(UserStore users, PasswordHasher hasher, SignInThrottle throttle, RateLimiter rateLimiter, AuditLog audit,
                  Tenancy tenancy, TransactionTemplate transactions, Clock clock,
                  @Value("${leadline.sign-in.attempts-per-ip:30}") int attemptsPerAddress,
                  @Value("${leadline.sign-in.ip-window:15m}") Duration addressWindow) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
        this.attemptsPerAddress = attemptsPerAddress;
        this.addressWindow = addressWindow;
    }

    static byte[] throttleKey(String normalizedEmail) {
        return SecureTokens.sha256(normalizedEmail.getBytes(StandardCharsets.UTF_8));
    }

    Optional<AuthenticatedUser> signIn(String rawEmail, String password) {
        try {
            rateLimiter.hit("sign-in", attemptsPerAddress, addressWindow);
        } catch (TooManyRequestsException e) {
            transactions.executeWithoutResult(status ->
                    audit.record(AuditEntry.of("sign_in.ip_throttled", Outcome.REFUSED)));
            throw e;
        }
        String email = EmailAddresses.normalize(rawEmail);
        return transactions.execute(status -> attempt(email, password));
    }

    private Optional<AuthenticatedUser> attempt(String email, String password) {
        Instant now = clock.instant();
        byte[] key = throttleKey(email);
        Optional<UserStore.Subject> subject = users.findSubjectByEmail(email);
        AuditEntry attempt = AuditEntry.of("sign_in", Outcome.FAILURE)
                .inAccount(subject.map(UserStore.Subject::accountId).orElse(null))
                .on("user", subject.map(s -> (Object) s.userId()).orElse("unknown"));
        if (throttle.isThrottled(key, now)) {
            hasher.spendTimeOfOneCheck(password);
            audit.record(new AuditEntry(attempt.accountId(), "sign_in.throttled", Outcome.REFUSED, null,
                    attempt.targetType(), attempt.targetId(), null));
            return Optional.empty();
        }
        Optional<AuthenticatedUser> user = activeUserWithPassword(subject, password);
        if (user.isPresent()) {
            throttle.clear(key);
            audit.record(new AuditEntry(attempt.accountId(), "sign_in", Outcome.SUCCESS, user.get().userId(),
                    attempt.targetType(), attempt.targetId(), null));
        } else {
            throttle.recordFailure(key, now);
            audit.record(attempt);
        }
        return user;
    }

    /** Spends the time of one password check also when there is no such user, so timing tells nobody which addresses exist. */
    private Optional<AuthenticatedUser> activeUserWithPassword(Optional<UserStore.Subject> subject, String password) {
        if (subject.isEmpty()) {
            hasher.spendTimeOfOneCheck(password);
            return Optional.empty();
        }
        UserStore.Subject found = subject.get();
        return tenancy.inAccount(found.accountId(), () -> users.credentials(found.userId()))
                .filter(credentials -> credentials.status() == UserStatus.ACTIVE)
                .filter(credentials -> hasher.matches(password, credentials.passwordHash()))
                .map(credentials -> AuthenticatedUser.atHome(credentials.userId(), credentials.accountId(),
                        credentials.name(), credentials.email()));
    }
}
