package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Starts and ends signed-in sessions; the only place that writes the security context. */
@Component
public class SessionSignIn {

    /** Epoch millis of the sign-in; the absolute session timeout counts from it. */
    public static final String SIGNED_IN_AT = "leadline.signedInAt";

    private final SecurityContextRepository contextRepository;
    private final CsrfTokenRepository csrfTokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Clock clock;

    SessionSignIn(SecurityContextRepository contextRepository, CsrfTokenRepository csrfTokens,
                  FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock) {
        this.contextRepository = contextRepository;
        this.csrfTokens = csrfTokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Signs the user in on this request under a new session id, so an id known before sign-in is useless after it. */
    public void signIn(HttpServletRequest request, HttpServletResponse response, AuthenticatedUser user) {
        signInAs(request, response, user, "ROLE_USER");
    }

    /** For principals other than customer users (support staff), with the one role their pages require. */
    public void signInAs(HttpServletRequest request, HttpServletResponse response, AuthenticatedPrincipal principal,
                         String role) {
        rotateId(request);
        csrfTokens.saveToken(null, request, response);
        request.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(role))));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }

    /**
     * The same person, now working in another account (a partner user moving between client accounts):
     * the session keeps its sign-in time, so the absolute timeout still counts from the sign-in.
     */
    public void switchAccount(HttpServletRequest request, HttpServletResponse response, AuthenticatedUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        request.getSession().removeAttribute(ShellProfiles.CURRENT_PROFILE);
    }

    /** Gives the visitor's session a new id without signing anyone in (or creates one). */
    public void rotateId(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
    }

    /** Ends every session of the user except the given one (null ends them all), on every server node. */
    public int endSessionsOf(UUID userId, String exceptSessionId) {
        List<String> ids = sessions.findByPrincipalName(userId.toString()).keySet().stream()
                .filter(id -> !id.equals(exceptSessionId))
                .toList();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
