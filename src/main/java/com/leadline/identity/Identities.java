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
     * @throws com.leadline.platform.InvalidInputException under "password" when the password breaks the rules
     */
    UUID createActiveUser(UUID accountId, String normalizedEmail, String name, String password, String businessName);

    /** A user of the account the current transaction works for. */
    record UserView(UUID id, UUID accountId, String email, String name, UserStatus status) {
    }

    Optional<UserView> user(UUID userId);

    /** Across accounts (support staff only): who holds this address, and in which account. */
    record UserRef(UUID userId, UUID accountId) {
    }

    Optional<UserRef> locate(String normalizedEmail);

    /** The account a user belongs to, whichever account the caller works in (a partner user works in clients'). */
    Optional<UUID> homeAccountOf(UUID userId);

    /** Creates an invited user (no password, cannot sign in) in the current account. */
    UUID createInvitedUser(UUID accountId, String normalizedEmail, String name);

    /**
     * Turns an invited user into an active one with a name and password.
     *
     * @throws com.leadline.platform.InvalidInputException under "password" when the password breaks the rules
     */
    void activateInvitedUser(UUID userId, String name, String password);

    /** Removes an invitee who never accepted; a user who ever was active is never deleted. */
    void forgetInvitedUser(UUID userId);

    void rename(UUID userId, String name);

    void changeEmail(UUID userId, String normalizedEmail);

    /**
     * Deactivates (sessions are ended by the caller after commit; the user's API tokens are revoked in the
     * same transaction) or reactivates a user (revoked tokens stay revoked).
     */
    void setActive(UUID userId, boolean active);

    /** Refuses a password for a user who does not exist yet (sign-up checks before creating anything). */
    void checkNewPassword(String password, String normalizedEmail, String businessName);
}
