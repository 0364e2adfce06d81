package com.leadline.identity.internal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with explicit parameters: 16-byte salt, 32-byte hash, 1 lane, 19 MiB memory, 2 passes
 * (OWASP's minimum for Argon2id). Passwords are hashed in their NFKC form.
 */
@Component
class PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    /** Compared against when the address is unknown, so an unknown address costs the same time as a known one. */
    private final String decoy = encoder.encode("decoy password that matches nothing");

    String hash(String password) {
        return encoder.encode(PasswordPolicy.normalize(password));
    }

    boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(PasswordPolicy.normalize(password), hash);
    }

    void spendTimeOfOneCheck(String password) {
        encoder.matches(password == null ? "" : PasswordPolicy.normalize(password), decoy);
    }
}
