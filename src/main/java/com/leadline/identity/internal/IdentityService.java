package com.leadline.identity.internal;

import com.leadline.identity.AccountNames;
import com.leadline.identity.Identities;
import com.leadline.platform.Tenancy;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class IdentityService implements Identities {

    private final UserStore users;
    private final PasswordPolicy passwordPolicy = PasswordPolicy.withShippedBlocklist();
    private final PasswordHasher hasher;
    private final Tenancy tenancy;
    private final Clock clock;

    private final AccountNames accountNames;

    IdentityService(UserStore users, PasswordHasher hasher, Tenancy tenancy, Clock clock, AccountNames accountNames) {
        this.accountNames = accountNames;
        this.users = users;
        this.hasher = hasher;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserStatus> statusOfEmail(String normalizedEmail) {
        return users.findSubjectByEmail(normalizedEmail)
                .flatMap(subject -> tenancy.inAccount(subject.accountId(), () -> users.credentials(subject.userId())))
                .map(UserStore.Credentials::status);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserView> user(UUID userId) {
        return users.credentials(userId).map(c -> new UserView(c.userId(), c.accountId(), c.email(), c.name(), c.status()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> homeAccountOf(UUID userId) {
        return users.homeAccountOf(userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserRef> locate(String normalizedEmail) {
        return users.findSubjectByEmail(normalizedEmail).map(s -> new UserRef(s.userId(), s.accountId()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID createInvitedUser(UUID accountId, String normalizedEmail, String name) {
        UUID userId = UUID.randomUUID();
        users.insert(userId, accountId, normalizedEmail, name, null, UserStatus.INVITED, clock.instant());
        return userId;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void activateInvitedUser(UUID userId, String name, String password) {
        UserStore.Credentials invitee = users.credentials(userId).orElseThrow();
        passwordPolicy.check(password, invitee.email(), accountNames.nameOf(invitee.accountId()));
        if (!users.activateInvited(userId, name, hasher.hash(password), clock.instant())) {
            throw new IllegalStateException("User " + userId + " is not an invitee");
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetInvitedUser(UUID userId) {
        users.deleteInvited(userId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void rename(UUID userId, String name) {
        users.rename(userId, name);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeEmail(UUID userId, String normalizedEmail) {
        users.changeEmail(userId, normalizedEmail);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void setActive(UUID userId, boolean active) {
        users.setStatus(userId, active ? UserStatus.ACTIVE : UserStatus.DEACTIVATED);
    }

    @Override
    public void checkNewPassword(String password, String normalizedEmail, String businessName) {
        passwordPolicy.check(password, normalizedEmail, businessName);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID createActiveUser(UUID accountId, String normalizedEmail, String name, String password, String businessName) {
        passwordPolicy.check(password, normalizedEmail, businessName);
        UUID userId = UUID.randomUUID();
        users.insert(userId, accountId, normalizedEmail, name, hasher.hash(password), UserStatus.ACTIVE, clock.instant());
        return userId;
    }
}
