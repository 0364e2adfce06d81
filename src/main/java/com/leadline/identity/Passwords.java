package com.leadline.identity;

/** Leadline's password rules and hashing, for credentials kept outside identity (support staff). */
public interface Passwords {

    /** @throws com.leadline.platform.InvalidInputException under "password" when the password breaks the rules */
    void check(String password, String normalizedEmail);

    String hash(String password);

    boolean matches(String password, String hash);

    /** Costs what a real check costs, so an unknown account answers as slowly as a known one. */
    void spendTimeOfOneCheck(String password);
}
