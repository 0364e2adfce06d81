package com.leadline.platform;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user as kept in the session. Its name (the user id) is what Spring Session indexes
 * sessions by, so all of a user's sessions can be found and ended.
 *
 * @param homeAccountId the account the user belongs to, which never changes (null in sessions signed
 *                      in before it was kept here: the active-user check ends those, once)
 * @param accountId     the account the user works in now: their home, or a client account of their agency
 */
public record AuthenticatedUser(UUID userId, UUID homeAccountId, UUID accountId, String displayName, String email)
        implements AuthenticatedPrincipal, Serializable {

    /** Just signed in (or signed up, or joined): working in their own account. */
    public static AuthenticatedUser atHome(UUID userId, UUID homeAccountId, String displayName, String email) {
        return new AuthenticatedUser(userId, homeAccountId, homeAccountId, displayName, email);
    }

    public AuthenticatedUser workingIn(UUID otherAccountId) {
        return new AuthenticatedUser(userId, homeAccountId, otherAccountId, displayName, email);
    }

    public boolean isAtHome() {
        return accountId.equals(homeAccountId);
    }

    @Override
    public String getName() {
        return userId.toString();
    }

    public String initials() {
        String letters = Arrays.stream(displayName.trim().split("\\s+"))
                .filter(part -> !part.isEmpty())
                .map(part -> part.substring(0, part.offsetByCodePoints(0, 1)))
                .limit(2)
                .collect(Collectors.joining());
        return letters.isEmpty() ? "?" : letters.toUpperCase(Locale.ROOT);
    }
}
