package com.leadline.platform.internal;

import com.leadline.platform.ApiTokenAuthenticator;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'; frame-ancestors 'none'";
    private static final String API_CSRF_REFUSAL =
            "The CSRF token is missing or no longer valid: send the one /api/v1/session gives, in the header it names.";
    private static final String API_ACCESS_REFUSAL = "You can't do that here.";
    private static final String[] STATIC_ASSETS = {"/css/**", "/js/**", "/webjars/**", "/favicon.ico"};
    /**
     * Swagger UI's files are a webjar like htmx, so Spring Boot would serve them, stock page included, to anyone
     * under /webjars/. They are Swagger UI's only at /swagger-ui/ (springdoc), for signed-in users.
     */
    private static final String SWAGGER_UI_WEBJAR = "/webjars/swagger-ui/**";

    /** Metrics for the operator's scraper only, with HTTP Basic; without a configured password nobody gets in. */
    @Bean
    @Order(1)
    SecurityFilterChain operationsChain(HttpSecurity http,
                                        @Value("${leadline.metrics.username:metrics}") String username,
                                        @Value("${leadline.metrics.password:}") String password) throws Exception {
        InMemoryUserDetailsManager scrapers = new InMemoryUserDetailsManager();
        if (StringUtils.hasText(password)) {
            scrapers.createUser(User.withUsername(username).password("{noop}" + password).roles("METRICS").build());
        }
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole("METRICS")
                        .anyRequest().denyAll())
                .userDetailsService(scrapers)
                .httpBasic(basic -> basic.realmName("Leadline metrics"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Stylesheets, scripts and icons are public and the same for everyone: they are served with the
     * security headers but without reading the session or running the signed-in checks, which would cost
     * every page several database round trips for nothing.
     */
    @Bean
    @Order(2)
    SecurityFilterChain staticAssetsChain(HttpSecurity http) throws Exception {
        return openWithoutSessionExcept(http, SWAGGER_UI_WEBJAR, STATIC_ASSETS);
    }

    /**
     * Webhooks of outside services (the SMS provider's, /webhooks/**): no session, no CSRF token, no
     * sign-in; each controller there checks the caller's signature itself before believing anything.
     */
    @Bean
    @Order(3)
    SecurityFilterChain webhooksChain(HttpSecurity http) throws Exception {
        return openWithoutSession(http, "/webhooks/**");
    }

    /**
     * The Leadbox widget on businesses' websites (/leadbox.js, /widget/**): anonymous, no session and no
     * cookie, no CSRF token (a cross-site form is what it is for); the leadbox module checks the page's
     * Origin against the Leadbox's allowed websites and answers CORS itself.
     */
    @Bean
    @Order(4)
    SecurityFilterChain leadboxWidgetChain(HttpSecurity http) throws Exception {
        return openWithoutSession(http, "/leadbox.js", "/widget/**");
    }

    /**
     * The one-click unsubscribe link of notification emails (RFC 8058), exactly that path: a mail provider POSTs
     * {@code List-Unsubscribe=One-Click} to it with no session and no CSRF token; the random token in the link is
     * the credential, and a GET only shows a page with a button (so scanners following links change nothing).
     */
    @Bean
    @Order(4)
    SecurityFilterChain oneClickUnsubscribeChain(HttpSecurity http) throws Exception {
        return openWithoutSession(http, "/notifications/unsubscribe");
    }

    /** Anyone may ask, and nothing reads or makes a session, remembers the request or wants a CSRF token. */
    private static SecurityFilterChain openWithoutSession(HttpSecurity http, String... paths) throws Exception {
        return openWithoutSessionExcept(http, null, paths);
    }

    /** As above, except for {@code refused} (a pattern within {@code paths}, or null): 403 for everyone. */
    private static SecurityFilterChain openWithoutSessionExcept(HttpSecurity http, String refused, String... paths) throws Exception {
        return withHeaders(http.securityMatcher(paths))
                .authorizeHttpRequests(requests -> {
                    if (refused != null) {
                        requests.requestMatchers(refused).denyAll();
                    }
                    requests.anyRequest().permitAll();
                })
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The JSON API called with a personal API token ({@code Authorization: Bearer}, PERMISSIONS.md row 32):
     * no session is read or made and no CSRF token is wanted (a browser never sends this header by itself);
     * the token is checked on every request, and its user then exactly as a session's user is (still
     * active, still allowed in the token's account), so a lost role or membership narrows the very next
     * request. Pages are never reached with a token: without the header's match they fall to the chain below.
     */
    @Bean
    @Order(5)
    SecurityFilterChain apiTokenChain(HttpSecurity http, ApiTokenAuthenticator tokens, RateLimiter rateLimiter,
                                      java.util.List<com.leadline.platform.SignedInUserCheck> signedInUserChecks,
                                      PlatformTransactionManager transactionManager) throws Exception {
        // The API and its OpenAPI description (ApiPaths): a tool holding a token may read the document too.
        return withHeaders(http.securityMatcher(request -> ApiPaths.MATCHER.matches(request) && BearerTokenFilter.hasBearerToken(request)))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("USER"))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, unauthenticated) ->
                                BearerTokenFilter.refuseToken(request, response, BearerTokenFilter.REFUSAL))
                        .accessDeniedHandler((request, response, denied) -> ErrorResponses.refuse(request, response,
                                HttpStatus.FORBIDDEN, API_ACCESS_REFUSAL, Map.of())))
                // After the headers are set up, so that a refusal carries them too; the checks just before authorization, as below.
                .addFilterBefore(new BearerTokenFilter(tokens, rateLimiter), AnonymousAuthenticationFilter.class)
                .addFilterBefore(TenantRequestFilter.forTokens(signedInUserChecks, Transactions.readOnly(transactionManager)),
                        AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(6)
    SecurityFilterChain applicationChain(HttpSecurity http, SecurityContextRepository contextRepository,
                                         CsrfTokenRepository csrfTokens, Clock clock,
                                         java.util.List<com.leadline.platform.SignedInUserCheck> signedInUserChecks,
                                         PlatformTransactionManager transactionManager,
                                         @Value("${leadline.session.absolute-timeout:7d}") Duration absoluteTimeout)
            throws Exception {
        return withHeaders(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signup", "/partners/signup", "/signin", "/welcome", "/invitations/accept", "/password/**",
                                "/error", "/dev/mailbox", "/dev/mailbox/**", "/dev/leadbox").permitAll()
                        // The support console guards itself: customers get 404 there, not a hint that it exists.
                        .requestMatchers("/support", "/support/**").permitAll()
                        .anyRequest().hasRole("USER"))
                .securityContext(context -> context.securityContextRepository(contextRepository))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
                .exceptionHandling(SecurityConfiguration::refusals)
                .addFilterAfter(new AbsoluteSessionTimeoutFilter(clock, absoluteTimeout), SecurityContextHolderFilter.class)
                .addFilterBefore(new TenantRequestFilter(signedInUserChecks, Transactions.readOnly(transactionManager)), AuthorizationFilter.class)
                .build();
    }

    /**
     * Signed out: the API (and its OpenAPI description, ApiPaths) answers 401 problem details, pages (Swagger UI
     * too) go to sign-in. The API's 403 says which one it is; pages keep the error page's words.
     */
    private static void refusals(ExceptionHandlingConfigurer<HttpSecurity> errors) {
        errors.defaultAuthenticationEntryPointFor((request, response, unauthenticated) -> ErrorResponses.refuse(
                                request, response, HttpStatus.UNAUTHORIZED, "Sign in first.", Map.of()),
                        ApiPaths.MATCHER)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/signin"), request -> true)
                .defaultAccessDeniedHandlerFor((request, response, denied) -> ErrorResponses.refuse(request, response,
                                HttpStatus.FORBIDDEN, denied instanceof CsrfException ? API_CSRF_REFUSAL : API_ACCESS_REFUSAL, Map.of()),
                        ApiPaths.MATCHER);
    }

    /**
     * Requests are already timed once (http.server.requests); an observation around every security filter
     * and chain doubled that work per request and fed no dashboard.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static HttpSecurity withHeaders(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    UserDetailsService noApplicationUsers() {
        // Sign-in is Leadline's own flow (identity module); this keeps Boot from inventing a default user.
        return new InMemoryUserDetailsManager();
    }

    @Bean
    SessionIdGenerator sessionIdGenerator() {
        return SecureTokens::newToken;
    }

    @Bean
    CookieSerializer cookieSerializer(@Value("${leadline.session.cookie-name:LEADLINE_SESSION}") String cookieName) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(cookieName);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setCookiePath("/");
        // Session ids are already URL-safe; base64 on top would only lengthen the cookie.
        serializer.setUseBase64Encoding(false);
        // Secure is left to the request: set whenever Leadline is served over HTTPS.
        return serializer;
    }
}
