package com.leadline.identity.internal;

import com.leadline.identity.AccountNames;
import com.leadline.identity.Identities;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class IdentityService implements Identities {

    private final UserStore users;
    private final PasswordPolicy passwordPolicy = PasswordPolicy.withShippedBlocklist();
    private final PasswordHasher hasher;
    private final Tenancy tenancy;
    private final Clock clock;
    private final TransactionTemplate reads;
    private final TransactionTemplate callersTransaction;

    private final AccountNames accountNames;
    private final ApiTokenStore apiTokens;

    IdentityService(UserStore users, PasswordHasher hasher, Tenancy tenancy, Clock clock, AccountNames accountNames,
                    ApiTokenStore apiTokens, PlatformTransactionManager transactionManager) {
        this.accountNames = accountNames;
        this.apiTokens = apiTokens;
        this.users = users;
        this.hasher = hasher;
        this.tenancy = tenancy;
        this.clock = clock;
        this.reads = Transactions.readOnly(transactionManager);
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    @Override
    public Optional<UserStatus> statusOfEmail(String normalizedEmail) {
        return reads.execute(status -> users.findSubjectByEmail(normalizedEmail)
                .flatMap(subject -> tenancy.inAccount(subject.accountId(), () -> users.credentials(subject.userId())))
                .map(UserStore.Credentials::status));
    }

    @Override
    public Optional<UserView> user(UUID userId) {
        return reads.execute(status -> users.credentials(userId)
                .map(c -> new UserView(c.userId(), c.accountId(), c.email(), c.name(), c.status())));
    }

    @Override
    public Optional<UUID> homeAccountOf(UUID userId) {
        return reads.execute(status -> users.homeAccountOf(userId));
    }

    @Override
    public Optional<UserRef> locate(String normalizedEmail) {
        return reads.execute(status -> users.findSubjectByEmail(normalizedEmail).map(s -> new UserRef(s.userId(), s.accountId())));
    }

    @Override
    public UUID createInvitedUser(UUID accountId, String normalizedEmail, String name) {
        return callersTransaction.execute(status -> {
            UUID userId = UUID.randomUUID();
            users.insert(userId, accountId, normalizedEmail, name, null, UserStatus.INVITED, clock.instant());
            return userId;
        });
    }

    @Override
    public void activateInvitedUser(UUID userId, String name, String password) {
        callersTransaction.executeWithoutResult(status -> {
            UserStore.Credentials invitee = users.credentials(userId).orElseThrow();
            passwordPolicy.check(password, invitee.email(), accountNames.nameOf(invitee.accountId()));
            if (!users.activateInvited(userId, name, hasher.hash(password), clock.instant())) {
                throw new IllegalStateException("User " + userId + " is not an invitee");
            }
        });
    }

    @Override
    public void forgetInvitedUser(UUID userId) {
        callersTransaction.executeWithoutResult(status -> users.deleteInvited(userId));
    }

    @Override
    public void rename(UUID userId, String name) {
        callersTransaction.executeWithoutResult(status -> users.rename(userId, name));
    }

    @Override
    public void changeEmail(UUID userId, String normalizedEmail) {
        callersTransaction.executeWithoutResult(status -> users.changeEmail(userId, normalizedEmail));
    }

    /** Deactivation also revokes the user's API tokens, so that a later reactivation does not bring them back. */
    @Override
    public void setActive(UUID userId, boolean active) {
        callersTransaction.executeWithoutResult(status -> {
            users.setStatus(userId, active ? UserStatus.ACTIVE : UserStatus.DEACTIVATED);
            if (!active) {
                apiTokens.revokeAllOf(userId, clock.instant());
            }
        });
    }

    @Override
    public void checkNewPassword(String password, String normalizedEmail, String businessName) {
        passwordPolicy.check(password, normalizedEmail, businessName);
    }

    @Override
    public UUID createActiveUser(UUID accountId, String normalizedEmail, String name, String password, String businessName) {
        return callersTransaction.execute(status -> {
            passwordPolicy.check(password, normalizedEmail, businessName);
            UUID userId = UUID.randomUUID();
            users.insert(userId, accountId, normalizedEmail, name, hasher.hash(password), UserStatus.ACTIVE, clock.instant());
            return userId;
        });
    }
}
