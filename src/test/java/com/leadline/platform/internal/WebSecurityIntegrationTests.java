package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSecurityIntegrationTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    SparingSessionRepository sessions;

    @Test
    void pagesCarryTheSecurityHeaders() {
        Page page = visitor().get("/signin");
        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.header("X-Frame-Options")).contains("DENY");
        assertThat(page.header("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(page.document().select("script:not([src])")).as("no inline scripts").isEmpty();
        assertThat(page.document().select("[style]")).as("no inline styles").isEmpty();
        for (var asset : page.document().select("script[src], link[rel=stylesheet]")) {
            String path = asset.hasAttr("src") ? asset.attr("src") : asset.attr("href");
            assertThat(visitor().get(path).status()).as("asset %s", path).isEqualTo(200);
        }
        assertThat(page.document().select("script[src]").eachAttr("src")).anyMatch(src -> src.startsWith("/webjars/htmx.org/") && src.endsWith("/htmx.min.js"));
    }

    @Test
    void staticAssetsAreServedWithTheHeadersButWithoutReadingTheSessionOrCheckingTheUser() {
        String email = uniqueEmail("assets");
        WebSession user = visitor();
        user.signUp("Asset Atelier", "Ada Asset", email, PASSWORD);
        assertThat(user.get("/team").status()).isEqualTo(200);
        databaseOwner().sql("UPDATE users SET status = 'deactivated' WHERE email = :e").param("e", email).update();

        Page css = user.get("/css/app.css");
        assertThat(css.status()).as("no signed-in check ran, so the deactivated user's session was not ended here")
                .isEqualTo(200);
        assertThat(css.header("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(css.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(css.header("Set-Cookie")).isEmpty();
        assertThat(user.get("/team").location()).as("the next page runs the checks").endsWith("/signin");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxWithA256BitId() {
        WebSession visitor = visitor();
        Page page = visitor.get("/signin");
        String cookie = page.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(WebSession.SESSION_COOKIE + "=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        String id = visitor.sessionId().orElseThrow();
        assertThat(id).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
    }

    @Test
    void sessionsExpireAfterTwelveIdleHoursAndSevenDaysAtMost() {
        String email = uniqueEmail("owner");
        WebSession owner = visitor();
        owner.signUp("Timeout Traders", "Tim Out", email, PASSWORD);
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id")
                .param("id", owner.sessionId().orElseThrow()).query(Integer.class).single())
                .isEqualTo((int) Duration.ofHours(12).toSeconds());

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(owner.isSignedIn()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(owner.isSignedIn()).isFalse();
        assertThat(owner.get("/settings/me").location()).endsWith("/signin");
    }

    @Test
    void aSessionRowIsWrittenAgainOnlyOnceItsLastAccessMovedByAMinute() {
        SparingSessionRepository.SparingSession session = sessions.createSession();
        Instant created = session.getLastAccessedTime();
        sessions.save(session);

        SparingSessionRepository.SparingSession later = sessions.findById(session.getId());
        later.setLastAccessedTime(created.plusSeconds(59));
        sessions.save(later);
        assertThat(storedLastAccess(session.getId())).isEqualTo(created.toEpochMilli());

        later = sessions.findById(session.getId());
        later.setLastAccessedTime(created.plusSeconds(60));
        sessions.save(later);
        assertThat(storedLastAccess(session.getId())).isEqualTo(created.plusSeconds(60).toEpochMilli());
        assertThat(sessions.findById(session.getId()).getLastAccessedTime().toEpochMilli()).isEqualTo(created.plusSeconds(60).toEpochMilli());
        sessions.deleteById(session.getId());
    }

    @Test
    void signedInRequestsWithinAMinuteLeaveTheSessionRowAsItWas() {
        WebSession owner = visitor();
        owner.signUp("Quiet Rows", "Cue Rose", uniqueEmail("owner"), PASSWORD);
        String id = owner.sessionId().orElseThrow();
        long before = storedLastAccess(id);
        for (int i = 0; i < 3; i++) {
            assertThat(owner.api("GET", "/api/v1/session", null).status()).isEqualTo(200);
        }
        assertThat(storedLastAccess(id)).isEqualTo(before);
        assertThat(owner.isSignedIn()).isTrue();
    }

    private long storedLastAccess(String sessionId) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id").param("id", sessionId)
                .query(Long.class).single();
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndApiCallersGet401() {
        assertThat(visitor().get("/").location()).endsWith("/signin");
        assertThat(visitor().get("/team").location()).endsWith("/signin");
        assertThat(visitor().get("/api/v1/anything").status()).isEqualTo(401);
        // The API's description is the API's: 401 problem details; Swagger UI is a page.
        for (String document : java.util.List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config")) {
            Page refused = visitor().get(document);
            assertThat(refused.status()).as(document).isEqualTo(401);
            assertThat(refused.header("Content-Type")).as(document).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(visitor().get("/swagger-ui.html").location()).endsWith("/signin");
        assertThat(visitor().get("/swagger-ui/index.html").location()).endsWith("/signin");
    }

    /** Swagger UI's page and assets keep the application's headers: its policy is not loosened for it (docs/api.md#openapi). */
    @Test
    void swaggerUiIsServedUnderTheApplicationsContentSecurityPolicy() {
        WebSession owner = visitor();
        owner.signUp("Policy Pages", "Poli Cy", uniqueEmail("owner"), PASSWORD);
        for (String path : java.util.List.of("/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js", "/swagger-ui/swagger-ui.css",
                "/v3/api-docs")) {
            Page page = owner.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).as(path).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(page.header("X-Frame-Options")).as(path).contains("DENY");
        }
        // The same files as a public webjar (the stock page, which would fetch an outside example) are refused to everyone.
        assertThat(visitor().get("/webjars/swagger-ui/index.html").status()).isEqualTo(403);
        assertThat(owner.get("/webjars/swagger-ui/swagger-initializer.js").status()).isEqualTo(403);
    }

    /**
     * RFC 8058: the mail provider POSTs the one-click unsubscribe with no session and no CSRF token, so exactly that path
     * is exempt (its random token is the credential, and it reads no session even when a cookie comes along); every
     * other signed-in form, the own-settings notification form beside it included, still needs the token.
     */
    @Test
    void onlyTheOneClickUnsubscribePathIsExemptFromCsrfAndItReadsNoSession() {
        String email = uniqueEmail("owner");
        WebSession owner = visitor();
        owner.signUp("Unsubscribe Cafe", "Una Subscribe", email, PASSWORD);
        // No CSRF token: refused beside it, and under it.
        assertThat(owner.postRaw("/settings/me/notifications", Map.of("newLead", "off")).status()).isEqualTo(403);
        assertThat(owner.postRaw("/notifications/unsubscribe/more", Map.of("List-Unsubscribe", "One-Click")).status())
                .isNotEqualTo(200);
        // The exempt path answers on its own terms (an unknown token: 404 with its page), with the security headers, and
        // sets no cookie.
        Page unknown = owner.postRaw("/notifications/unsubscribe?token=" + "A".repeat(43), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.heading()).isEqualTo("This unsubscribe link can't be used");
        assertThat(unknown.header("Content-Security-Policy")).isPresent();
        assertThat(unknown.header("Set-Cookie")).isEmpty();
        assertThat(owner.isSignedIn()).isTrue();
    }

    @Test
    void signOutNeedsAPostWithTheCsrfToken() {
        String email = uniqueEmail("owner");
        WebSession owner = visitor();
        owner.signUp("Csrf Cafe", "Cee Surf", email, PASSWORD);
        assertThat(owner.postRaw("/signout", Map.of()).status()).isEqualTo(403);
        assertThat(owner.isSignedIn()).isTrue();
        assertThat(owner.postRaw("/signout", Map.of("_csrf", "forged-token")).status()).isEqualTo(403);
        assertThat(owner.isSignedIn()).isTrue();
    }

    @Test
    void emailLinksComeFromTheConfiguredBaseUrlNeverFromTheRequestHost() {
        String email = uniqueEmail("owner");
        visitor().signUp("Host Header Hotel", "Hos Ter", email, PASSWORD);
        WebSession attacker = visitor();
        attacker.get("/password/forgot");
        attacker.send(HttpRequest.newBuilder(attacker.uri("/password/forgot"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Host", "evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&_csrf="
                        + attacker.get("/password/forgot").document().select("meta[name=csrf-token]").attr("content"))));
        String body = Smtp.body(Smtp.awaitMessages(email, 1).get(0));
        assertThat(body).contains("http://leadline.test/password/reset?token=").doesNotContain("evil.example");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void withSmtpConfiguredTheMailServerIsPartOfHealth() {
        assertThat(context.getBeansOfType(org.springframework.boot.health.contributor.HealthContributor.class).keySet())
                .anyMatch(name -> name.toLowerCase().contains("mail"));
        Smtp.down();
        try {
            assertThat(visitor().get("/actuator/health").status()).isEqualTo(503);
        } finally {
            Smtp.up();
        }
        assertThat(visitor().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void healthIsPublicMetricsNeedTheScrapersPassword() {
        assertThat(visitor().get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(visitor().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(visitor().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(visitor().get("/actuator/prometheus").status()).isEqualTo(401);
        WebSession scraper = visitor();
        String wrong = Base64.getEncoder().encodeToString("metrics:guess".getBytes());
        assertThat(scraper.send(HttpRequest.newBuilder(scraper.uri("/actuator/prometheus"))
                .header("Authorization", "Basic " + wrong).GET()).status()).isEqualTo(401);
        String right = Base64.getEncoder().encodeToString("metrics:scrape-secret".getBytes());
        Page metrics = scraper.send(HttpRequest.newBuilder(scraper.uri("/actuator/prometheus"))
                .header("Authorization", "Basic " + right).GET());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(visitor().get("/actuator/env").status()).isIn(401, 403, 404);
    }

    @Test
    void theAccountMenuShowsInitialsAndLeadsToTeamProfilesIntegrationsTheAuditLogYourSettingsBillingAndSignOut() {
        WebSession owner = visitor();
        owner.signUp("Menu Makers", "grace hopper", uniqueEmail("owner"), PASSWORD);
        Page home = owner.open("/");
        var button = home.document().selectFirst("button[aria-label$=Account menu]");
        assertThat(button.text()).isEqualTo("GH");
        assertThat(button.attr("aria-label")).as("the initials shown are part of its name").isEqualTo("GH, Account menu");
        assertThat(button.attr("aria-haspopup")).isEqualTo("menu");
        assertThat(home.document().select("#account-menu [role=menuitem]").eachText())
                .as("the owner configures integrations, reads the audit log and pays, so the menu offers them (Billing after Your settings, UI.md)")
                .containsExactly("Team", "Profiles", "Shortcuts", "Integrations", "Audit log", "Your settings", "Billing", "Sign out");
        assertThat(owner.get("/team").heading()).isEqualTo("Team");
        assertThat(owner.get("/profiles").heading()).isEqualTo("Profiles");
        assertThat(home.document().select("#account-menu a[href=/settings/me]").text()).isEqualTo("Your settings");
        assertThat(owner.get("/settings/me").heading()).isEqualTo("Your settings");
        assertThat(owner.get("/settings").heading()).as("the account's Settings area (issue 20)").isEqualTo("Settings");
        assertThat(owner.get("/settings/audit-log").heading()).isEqualTo("Audit log");
        assertThat(owner.get("/settings/integrations").heading()).isEqualTo("Integrations");
        assertThat(home.document().select("h1")).hasSize(1);
    }

    @Test
    void unknownPagesGetAFriendly404WithoutInternals() {
        WebSession owner = visitor();
        owner.signUp("Missing Pages", "Mi Ssing", uniqueEmail("owner"), PASSWORD);
        Page missing = owner.get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.heading()).isEqualTo("Page not found");
        assertThat(missing.body()).doesNotContain("Exception", "at com.", "Whitelabel");
    }
}
