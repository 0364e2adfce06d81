package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
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
    /**
     * A random name for the session that its user may see (their list of sessions, a sign-out button's
     * address): the session id is a credential and is never shown. Set at sign-in; a session signed in
     * before handles existed is given one the first time its user's sessions are listed.
     */
    public static final String HANDLE = "leadline.sessionHandle";
    /** The client address of the session's latest request (ClientAddress), kept current by the request filter. */
    public static final String CLIENT_ADDRESS = "leadline.clientAddress";
    /** The browser's User-Agent header at sign-in, cut to {@link #MAX_USER_AGENT} characters. */
    public static final String USER_AGENT = "leadline.userAgent";
    static final int MAX_USER_AGENT = 512;

    private final SecurityContextRepository contextRepository;
    private final CsrfTokenRepository csrfTokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Clock clock;
    private final Duration absoluteTimeout;

    SessionSignIn(SecurityContextRepository contextRepository, CsrfTokenRepository csrfTokens,
                  FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock,
                  @Value("${leadline.session.absolute-timeout:7d}") Duration absoluteTimeout) {
        this.contextRepository = contextRepository;
        this.csrfTokens = csrfTokens;
        this.sessions = sessions;
        this.clock = clock;
        this.absoluteTimeout = absoluteTimeout;
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
        request.getSession().setAttribute(HANDLE, newHandle());
        request.getSession().setAttribute(CLIENT_ADDRESS, ClientAddress.of(request));
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && !userAgent.isBlank()) {
            request.getSession().setAttribute(USER_AGENT, userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent);
        }
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

    /**
     * One of a user's signed-in sessions, as its user may see it.
     *
     * @param handle     the session's public name ({@link #HANDLE}), never its id
     * @param userAgent  the browser's User-Agent at sign-in, or null when unknown
     * @param address    the client address of its latest request, or null when unknown
     * @param signedInAt null for a session signed in before this was kept
     * @param current    whether it is the session of the request that asks
     */
    public record ActiveSession(String handle, String userAgent, String address, Instant signedInAt, Instant lastUsedAt,
                                boolean current) {
    }

    /**
     * The user's sessions that still work (not expired, not past the absolute timeout), the asking one first and then the most
     * recently used. A session without a handle (signed in before handles existed) is given one here.
     */
    public List<ActiveSession> activeSessionsOf(UUID userId, String currentSessionId) {
        return usableSessionsOf(userId).entrySet().stream()
                .map(entry -> describe(entry.getValue(), entry.getKey().equals(currentSessionId)))
                .sorted(Comparator.comparing(ActiveSession::current).reversed()
                        .thenComparing(ActiveSession::lastUsedAt, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Ends the user's session with this handle, on every server node, unless it is the asking one (which signs out with
     * {@code /signout}).
     *
     * @return false when the user has no such session (another user's handle included): nothing was ended
     */
    public boolean endSessionByHandle(UUID userId, String handle, String currentSessionId) {
        if (handle == null || handle.isBlank()) {
            return false;
        }
        Optional<String> id = usableSessionsOf(userId).entrySet().stream()
                .filter(entry -> handle.equals(entry.getValue().getAttribute(HANDLE)) && !entry.getKey().equals(currentSessionId))
                .map(Map.Entry::getKey)
                .findFirst();
        id.ifPresent(sessions::deleteById);
        return id.isPresent();
    }

    private Map<String, ? extends Session> usableSessionsOf(UUID userId) {
        Map<String, ? extends Session> found = new java.util.LinkedHashMap<>(sessions.findByPrincipalName(userId.toString()));
        found.values().removeIf(session -> session.isExpired() || session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt
                && clock.millis() - signedInAt >= absoluteTimeout.toMillis());
        return found;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ActiveSession describe(Session session, boolean current) {
        if (session.getAttribute(HANDLE) == null) {
            // Only the new attribute is written (an INSERT of one row): the session's own requests keep their writes.
            session.setAttribute(HANDLE, newHandle());
            try {
                ((FindByIndexNameSessionRepository) sessions).save(session);
            } catch (org.springframework.dao.DataAccessException givenOneMeanwhile) {
                // Another listing named it at the same moment: shown without a handle this once.
                session.removeAttribute(HANDLE);
            }
        }
        Long signedInAt = session.getAttribute(SIGNED_IN_AT);
        return new ActiveSession(session.getAttribute(HANDLE), session.getAttribute(USER_AGENT), session.getAttribute(CLIENT_ADDRESS),
                signedInAt == null ? null : Instant.ofEpochMilli(signedInAt), session.getLastAccessedTime(), current);
    }

    private static String newHandle() {
        return UUID.randomUUID().toString();
    }
}
