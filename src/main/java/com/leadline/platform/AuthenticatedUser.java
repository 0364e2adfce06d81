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
 */
public record AuthenticatedUser(UUID userId, UUID accountId, String displayName, String email)
        implements AuthenticatedPrincipal, Serializable {

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
