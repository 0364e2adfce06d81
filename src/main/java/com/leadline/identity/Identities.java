package com.leadline.identity;

import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of identity. */
public interface Identities {

    enum UserStatus { INVITED, ACTIVE, DEACTIVATED }

    /** The status of whoever holds this (normalised) address, in any account. For public flows: never show it. */
    Optional<UserStatus> statusOfEmail(String normalizedEmail);

    /**
     * Creates an active user with a password in the account the current transaction works for.
     *
     * @throws PasswordRejectedException when the password breaks the rules
     */
    UUID createActiveUser(UUID accountId, String normalizedEmail, String name, String password, String businessName);

    /** Refuses a password for a user who does not exist yet (sign-up checks before creating anything). */
    void checkNewPassword(String password, String normalizedEmail, String businessName);
}
