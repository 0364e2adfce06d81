package com.leadline.platform.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import com.leadline.platform.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in user's account to the request (never an account named by the request itself),
 * ends the session when a {@link SignedInUserCheck} no longer knows the user as active, and keeps
 * the session's copy of the user (name, address) current.
 *
 * <p>For a request authenticated by an API token ({@link #forTokens}) the same checks run, but nothing
 * touches a session (a browser's cookie may come along): a user no longer active, or no longer allowed
 * in the account the token was made for (a partner agency's access ended), is answered 401.
 */
class TenantRequestFilter extends OncePerRequestFilter {

    private final List<SignedInUserCheck> checks;
    private final TransactionOperations readOnly;
    private final boolean tokenRequests;

    /** The checks run together in one read-only transaction (they are asked on every request). */
    TenantRequestFilter(List<SignedInUserCheck> checks, TransactionOperations readOnly) {
        this(checks, readOnly, false);
    }

    private TenantRequestFilter(List<SignedInUserCheck> checks, TransactionOperations readOnly, boolean tokenRequests) {
        this.checks = checks;
        this.readOnly = readOnly;
        this.tokenRequests = tokenRequests;
    }

    /** For the API token chain: the token holder is checked as a session's user is, and a token is pinned to its account. */
    static TenantRequestFilter forTokens(List<SignedInUserCheck> checks, TransactionOperations readOnly) {
        return new TenantRequestFilter(checks, readOnly, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        try {
            if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
                Tenancy.bindToThread(user.accountId());
                Optional<AuthenticatedUser> current = readOnly.execute(status -> {
                    Optional<AuthenticatedUser> checked = Optional.of(user);
                    for (SignedInUserCheck check : checks) {
                        checked = checked.flatMap(check::current);
                    }
                    return checked;
                });
                if (tokenRequests && (current.isEmpty() || !current.get().accountId().equals(user.accountId()))) {
                    BearerTokenFilter.refuseToken(request, response, current.isEmpty()
                            ? BearerTokenFilter.REFUSAL
                            : "This API token's account is no longer open to its user.");
                    return;
                }
                if (current.isEmpty()) {
                    endSession(request, response);
                    return;
                }
                if (!tokenRequests) {
                    keepAddressCurrent(request);
                }
                if (tokenRequests && !current.get().equals(user)) {
                    // A changed name or address: this request only, as nothing is kept between a token's requests.
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.get(), null,
                            authentication.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                } else if (!current.get().equals(user)) {
                    replacePrincipal(request, authentication, current.get());
                    Tenancy.bindToThread(current.get().accountId());
                }
            }
            chain.doFilter(request, response);
        } finally {
            Tenancy.clearThread();
        }
    }

    /** The session's client address as its user's list of sessions shows it: written only when it changed. */
    private static void keepAddressCurrent(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String address = com.leadline.platform.ClientAddress.of(request);
        if (session != null && address != null && !address.equals(session.getAttribute(com.leadline.platform.SessionSignIn.CLIENT_ADDRESS))) {
            session.setAttribute(com.leadline.platform.SessionSignIn.CLIENT_ADDRESS, address);
        }
    }

    private static void endSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        Tenancy.clearThread();
        if (ApiPaths.isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(request.getContextPath() + "/signin");
        }
    }

    private static void replacePrincipal(HttpServletRequest request, Authentication authentication, AuthenticatedUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authentication.getAuthorities()));
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
