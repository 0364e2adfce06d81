package com.leadline.identity.internal;

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

    IdentityService(UserStore users, PasswordHasher hasher, Tenancy tenancy, Clock clock) {
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
    public void checkNewPassword(String password, String normalizedEmail, String businessName) {
        passwordPolicy.check(password, normalizedEmail, businessName);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID createActiveUser(UUID accountId, String normalizedEmail, String name, String password, String businessName) {
        passwordPolicy.check(password, normalizedEmail, businessName);
        UUID userId = UUID.randomUUID();
        users.insertActive(userId, accountId, normalizedEmail, name, hasher.hash(password), clock.instant());
        return userId;
    }
}
