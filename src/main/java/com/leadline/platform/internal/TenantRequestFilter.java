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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in user's account to the request (never an account named by the request itself)
 * and ends the session when a {@link SignedInUserCheck} says the user may no longer continue.
 */
class TenantRequestFilter extends OncePerRequestFilter {

    private final List<SignedInUserCheck> checks;

    TenantRequestFilter(List<SignedInUserCheck> checks) {
        this.checks = checks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        try {
            if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
                Tenancy.bindToThread(user.accountId());
                if (!checks.stream().allMatch(check -> check.mayContinue(user))) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                    Tenancy.clearThread();
                    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        response.sendRedirect(request.getContextPath() + "/signin");
                    }
                    return;
                }
            }
            chain.doFilter(request, response);
        } finally {
            Tenancy.clearThread();
        }
    }
}
