package com.leadline.identity.internal;

import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Tenancy;
import java.util.UUID;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.AccountNames;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SessionSignIn;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A signed-in user changes their own password; their other sessions end. */
@Service
class PasswordChangeService {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final IdentityService identities;
    private final AccountNames accountNames;
    private final AuditLog audit;
    private final SessionSignIn sessions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Tenancy tenancy;

    PasswordChangeService(UserStore users, PasswordHasher hasher, IdentityService identities, AccountNames accountNames,
                          AuditLog audit, SessionSignIn sessions, TransactionTemplate transactions, Clock clock,
                          Tenancy tenancy) {
        this.tenancy = tenancy;
        this.users = users;
        this.hasher = hasher;
        this.identities = identities;
        this.accountNames = accountNames;
        this.audit = audit;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException under "password" when the current password is wrong or the new one breaks the rules
     */
    void change(AuthenticatedUser user, String currentPassword, String newPassword, String currentSessionId) {
        // In the user's own account: a partner user may be working in a client's.
        boolean currentPasswordRight = Boolean.TRUE.equals(transactions.execute(status -> {
            UUID home = user.homeAccountId();
            return tenancy.inAccount(home, () -> {
                UserStore.Credentials credentials = users.credentials(user.userId()).orElseThrow();
                if (!hasher.matches(currentPassword, credentials.passwordHash())) {
                    // Recorded and committed: the refusal itself is worth keeping.
                    audit.record(AuditEntry.of("password.changed", Outcome.FAILURE).inAccount(home)
                            .by(user.userId()).on("user", user.userId()));
                    return false;
                }
                identities.passwordPolicy().check(newPassword, credentials.email(), accountNames.nameOf(home));
                users.updatePassword(user.userId(), hasher.hash(newPassword), clock.instant());
                audit.record(AuditEntry.of("password.changed", Outcome.SUCCESS).inAccount(home)
                        .by(user.userId()).on("user", user.userId()));
                return true;
            });
        }));
        if (!currentPasswordRight) {
            throw InvalidInputException.of(PasswordPolicy.FIELD, "Your current password is not correct.");
        }
        sessions.endSessionsOf(user.userId(), currentSessionId);
    }
}
