package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens, as the platform's security sees them: a JSON API request that sends
 * {@code Authorization: Bearer <token>} is authenticated by this alone, with no session and no CSRF
 * token, on every request again (the identity module implements it; the platform depends on no feature).
 */
public interface ApiTokenAuthenticator {

    /** The request attribute that marks a request authenticated by a token; it holds the token's id. */
    String TOKEN_ATTRIBUTE = ApiTokenAuthenticator.class.getName() + ".tokenId";

    /** A live token and whom it speaks for: its user, working in the one account the token was made for. */
    record TokenHolder(UUID tokenId, AuthenticatedUser user) {
    }

    /**
     * The holder of this token text, and the token's last use noted; empty for text that is not a token,
     * an unknown token, an expired one or a revoked one. Whether the user is still active, and still may
     * work in the token's account, is checked after this like any signed-in user's (SignedInUserCheck).
     */
    Optional<TokenHolder> authenticate(String token);

    /** Whether this request came with a token instead of a session (a token may not make or list tokens, say). */
    static boolean isTokenRequest(HttpServletRequest request) {
        return request.getAttribute(TOKEN_ATTRIBUTE) != null;
    }
}
