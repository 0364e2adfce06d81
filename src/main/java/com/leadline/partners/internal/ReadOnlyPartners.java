package com.leadline.partners.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.team.PartnerAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read only means read only: a partner user whose agency has Read-only access changes nothing in
 * the client's account, whatever the route (today's and tomorrow's). Only their own session, password
 * and API tokens, and moving between accounts, stay theirs.
 */
@Configuration(proxyBeanMethods = false)
class ReadOnlyPartners implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The person's own session, password and place, and the public flows that don't act on this account. */
    private static final Set<String> PERSONAL_ROUTES = Set.of("/signout", "/settings/password", "/partners/act",
            "/profiles/current", "/signin", "/signup", "/partners/signup", "/invitations/accept", "/password/forgot",
            "/password/reset");
    /**
     * The person's own API tokens (PERMISSIONS.md row 32: read-only partners make theirs too), whichever token a path names,
     * and their own settings under /settings/me (row 13: notification choices and the like are everyone's own).
     */
    private static final java.util.List<String> PERSONAL_PREFIXES = java.util.List.of("/settings/tokens", "/api/v1/tokens", "/settings/me");

    private final PartnerAccess partners;

    ReadOnlyPartners(PartnerAccess partners) {
        this.partners = partners;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After the other guards (the support console answers 404 to customers, partners included).
        registry.addInterceptor(this).order(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // A path no controller answers changes nothing: it answers 404 or 405 as it does for anyone.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(handler instanceof HandlerMethod) || SAFE_METHODS.contains(request.getMethod()) || PERSONAL_ROUTES.contains(path)
                || PERSONAL_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                && partners.levelOf(user.userId(), user.accountId()).filter(level -> level == PartnerAccess.Level.READ_ONLY).isPresent()) {
            throw PartnerAccess.readOnlyRefusal();
        }
        return true;
    }
}
