package com.leadline.identity.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.AccountNames;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities.UserStatus;
import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.Links;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.SessionSignIn;
import com.leadline.platform.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords: a 256-bit link valid {@link #VALIDITY}, stored only as its hash, used once;
 * a newer request voids older links; a completed reset ends every session of the user.
 */
@Service
class PasswordResetService {

    static final Duration VALIDITY = Duration.ofMinutes(30);

    /** A link that can still be used, for the user it belongs to. */
    record ValidLink(UUID tokenId, UUID userId, UUID accountId, String email) {
    }

    private final JdbcClient jdbc;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final IdentityService identities;
    private final AccountNames accountNames;
    private final SignInThrottle throttle;
    private final Mailer mailer;
    private final Links links;
    private final AuditLog audit;
    private final RateLimiter rateLimiter;
    private final Tenancy tenancy;
    private final SessionSignIn sessions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int requestsPerAddress;

    PasswordResetService(JdbcClient jdbc, UserStore users, PasswordHasher hasher, IdentityService identities,
                         AccountNames accountNames, SignInThrottle throttle, Mailer mailer, Links links, AuditLog audit,
                         RateLimiter rateLimiter, Tenancy tenancy, SessionSignIn sessions,
                         TransactionTemplate transactions, Clock clock,
                         @Value("${leadline.password-reset.requests-per-ip:10}") int requestsPerAddress) {
        this.jdbc = jdbc;
        this.users = users;
        this.hasher = hasher;
        this.identities = identities;
        this.accountNames = accountNames;
        this.throttle = throttle;
        this.mailer = mailer;
        this.links = links;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.tenancy = tenancy;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.requestsPerAddress = requestsPerAddress;
    }

    /** Sends a link if the address belongs to an active user; says nothing either way. */
    void requestReset(String rawEmail) {
        rateLimiter.hit("password-reset", requestsPerAddress, Duration.ofMinutes(15));
        String email = EmailAddresses.normalize(rawEmail);
        transactions.executeWithoutResult(status -> {
            Optional<UserStore.Credentials> user = users.findSubjectByEmail(email)
                    .flatMap(subject -> tenancy.inAccount(subject.accountId(), () -> users.credentials(subject.userId())))
                    .filter(credentials -> credentials.status() == UserStatus.ACTIVE);
            if (user.isEmpty()) {
                audit.record(AuditEntry.of("password_reset.requested", Outcome.REFUSED));
                return;
            }
            UserStore.Credentials found = user.get();
            tenancy.inAccount(found.accountId(), () -> issueLink(found));
        });
    }

    private void issueLink(UserStore.Credentials user) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE password_reset_tokens SET invalidated_at = :now
                        WHERE user_id = :user AND used_at IS NULL AND invalidated_at IS NULL""")
                .param("now", Timestamp.from(now)).param("user", user.userId()).update();
        String token = SecureTokens.newToken();
        jdbc.sql("""
                        INSERT INTO password_reset_tokens (id, account_id, user_id, token_hash, created_at, expires_at)
                        VALUES (:id, :account, :user, :hash, :now, :expires)""")
                .param("id", UUID.randomUUID())
                .param("account", user.accountId())
                .param("user", user.userId())
                .param("hash", SecureTokens.hash(token))
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(VALIDITY)))
                .update();
        mailer.queue(new OutgoingMail(user.email(), "Reset your Leadline password", """
                Hello %s,

                Someone asked to reset the password of your Leadline account. To choose a new password, open this link within 30 minutes:

                %s

                If it wasn't you, ignore this email: your password stays as it is.
                """.formatted(user.name(), links.to("/password/reset", "token", token))));
        audit.record(AuditEntry.of("password_reset.requested", Outcome.SUCCESS).inAccount(user.accountId())
                .on("user", user.userId()));
    }

    /** The link's user if the token is well formed, known, unused, not voided and not expired. */
    Optional<ValidLink> validLink(String token) {
        if (!SecureTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return transactions.execute(status -> findValid(token, false));
    }

    private Optional<ValidLink> findValid(String token, boolean lock) {
        byte[] hash = SecureTokens.hash(token);
        Optional<UUID> account = jdbc.sql("SELECT identity_find_reset_token_account(:hash)")
                .param("hash", hash).query(UUID.class).optional();
        return account.flatMap(accountId -> tenancy.inAccount(accountId, () -> jdbc.sql("""
                        SELECT t.id, t.user_id, t.account_id, u.email FROM password_reset_tokens t
                        JOIN users u ON u.id = t.user_id
                        WHERE t.token_hash = :hash AND t.used_at IS NULL AND t.invalidated_at IS NULL
                          AND t.expires_at > :now AND u.status = 'active'
                        """ + (lock ? " FOR UPDATE OF t" : ""))
                .param("hash", hash)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new ValidLink(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4)))
                .optional()));
    }

    enum ResetResult { DONE, INVALID_LINK }

    /**
     * Sets the new password and uses up the link, in one transaction; then ends every session of
     * the user on every node.
     *
     * @throws com.leadline.platform.InvalidInputException under "password" when the new password breaks the rules
     */
    ResetResult reset(String token, String newPassword) {
        if (!SecureTokens.looksLikeToken(token)) {
            return ResetResult.INVALID_LINK;
        }
        Optional<ValidLink> done = transactions.execute(status -> findValid(token, true).map(link ->
                tenancy.inAccount(link.accountId(), () -> {
                    identities.passwordPolicy().check(newPassword, link.email(), accountNames.nameOf(link.accountId()));
                    Instant now = clock.instant();
                    jdbc.sql("UPDATE password_reset_tokens SET used_at = :now WHERE id = :id")
                            .param("now", Timestamp.from(now)).param("id", link.tokenId()).update();
                    users.updatePassword(link.userId(), hasher.hash(newPassword), now);
                    throttle.clear(SignInService.throttleKey(link.email()));
                    audit.record(AuditEntry.of("password_reset.completed", Outcome.SUCCESS).inAccount(link.accountId())
                            .by(link.userId()).on("user", link.userId()));
                    return link;
                })));
        if (done.isEmpty()) {
            return ResetResult.INVALID_LINK;
        }
        sessions.endSessionsOf(done.get().userId(), null);
        return ResetResult.DONE;
    }
}
