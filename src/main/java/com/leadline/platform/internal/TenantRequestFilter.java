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
 */
class TenantRequestFilter extends OncePerRequestFilter {

    private final List<SignedInUserCheck> checks;
    private final TransactionOperations readOnly;

    /** The checks run together in one read-only transaction (they are asked on every request). */
    TenantRequestFilter(List<SignedInUserCheck> checks, TransactionOperations readOnly) {
        this.checks = checks;
        this.readOnly = readOnly;
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
                if (current.isEmpty()) {
                    endSession(request, response);
                    return;
                }
                if (!current.get().equals(user)) {
                    replacePrincipal(request, authentication, current.get());
                    Tenancy.bindToThread(current.get().accountId());
                }
            }
            chain.doFilter(request, response);
        } finally {
            Tenancy.clearThread();
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
