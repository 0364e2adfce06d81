package com.leadline.platform.internal;

import com.leadline.platform.ApiTokenAuthenticator;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a JSON API request by its {@code Authorization: Bearer} token, for this request only:
 * the principal is kept in no session. A token that is malformed, unknown, expired or revoked is answered
 * 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} before anything else runs; beyond
 * {@link #FAILURES_PER_WINDOW} of those from one client network in a minute, 429.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String SCHEME = "Bearer";
    static final int FAILURES_PER_WINDOW = 20;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);
    static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
    static final String REFUSAL = "This API token is not valid: it is unknown, expired or revoked. Make a new one under Settings.";

    private final ApiTokenAuthenticator tokens;
    private final RateLimiter rateLimiter;

    BearerTokenFilter(ApiTokenAuthenticator tokens, RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Whether the request names the Bearer scheme (its name in any case, RFC 7235), with or without a
     * token after it: an empty or malformed one is refused as a bad token, not taken for a browser's request.
     */
    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ');
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(SCHEME.length()).strip();
        Optional<ApiTokenAuthenticator.TokenHolder> holder = tokens.authenticate(token);
        if (holder.isEmpty()) {
            try {
                rateLimiter.hit("api-token-failure", FAILURES_PER_WINDOW, FAILURE_WINDOW);
            } catch (TooManyRequestsException tooMany) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
                ErrorResponses.refuse(request, response, HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests with API tokens that are not valid. Try again later.", Map.of());
                return;
            }
            refuseToken(request, response, REFUSAL);
            return;
        }
        request.setAttribute(ApiTokenAuthenticator.TOKEN_ATTRIBUTE, holder.get().tokenId());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder.get().user(), null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** 401 for a token that speaks for nobody (now): the header a client library looks for, and problem details. */
    static void refuseToken(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        SecurityContextHolder.clearContext();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN);
        ErrorResponses.refuse(request, response, HttpStatus.UNAUTHORIZED, detail, Map.of());
    }
}
