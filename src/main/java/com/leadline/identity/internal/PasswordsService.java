package com.leadline.identity.internal;

import com.leadline.identity.Passwords;
import org.springframework.stereotype.Component;

@Component
class PasswordsService implements Passwords {

    private final IdentityService identities;
    private final PasswordHasher hasher;

    PasswordsService(IdentityService identities, PasswordHasher hasher) {
        this.identities = identities;
        this.hasher = hasher;
    }

    @Override
    public void check(String password, String normalizedEmail) {
        identities.passwordPolicy().check(password, normalizedEmail, null);
    }

    @Override
    public String hash(String password) {
        return hasher.hash(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        return hasher.matches(password, hash);
    }

    @Override
    public void spendTimeOfOneCheck(String password) {
        hasher.spendTimeOfOneCheck(password);
    }
}
