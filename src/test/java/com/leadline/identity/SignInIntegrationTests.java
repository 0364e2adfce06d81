package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignInIntegrationTests extends IntegrationTest {

    /** The failure page with what legitimately varies (the typed address, per-session CSRF tokens) blanked out. */
    private static String comparable(Page page, String typedEmail) {
        return page.body()
                .replace(typedEmail, "EMAIL")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "CSRF")
                .replaceAll("name=\"csrf-token\" content=\"[^\"]*\"", "CSRF");
    }

    @Test
    void everyFailureLooksTheSame_unknownAddressWrongPasswordThrottledAccount() {
        String known = uniqueEmail("known");
        String throttled = uniqueEmail("throttled");
        visitor().signUp("Known Business", "Kai Known", known, PASSWORD);
        visitor().signUp("Throttled Business", "Tia Throttled", throttled, PASSWORD);
        for (int i = 0; i < 5; i++) {
            visitor().signIn(throttled, "wrong password number " + i);
        }

        String unknown = uniqueEmail("nobody");
        Page unknownAddress = visitor().signIn(unknown, PASSWORD);
        Page wrongPassword = visitor().signIn(known, "not the right password");
        Page throttledButRight = visitor().signIn(throttled, PASSWORD);

        assertThat(unknownAddress.status()).isEqualTo(wrongPassword.status()).isEqualTo(throttledButRight.status())
                .isEqualTo(401);
        assertThat(comparable(unknownAddress, unknown))
                .isEqualTo(comparable(wrongPassword, known))
                .isEqualTo(comparable(throttledButRight, throttled));
        assertThat(unknownAddress.document().select("[role=alert]").text()).contains("don't match an active account");
    }

    @Test
    void fiveFailuresAreFreeThenEachAttemptWaitsLongerAndNothingLocksForever() {
        String email = uniqueEmail("owner");
        assertThat(visitor().signUp("Slow Down Ltd", "Sol Down", email, PASSWORD).location()).endsWith("/welcome");
        assertThat(visitor().signIn(email, PASSWORD).status()).as("right away").isEqualTo(302);
        for (int i = 0; i < 4; i++) {
            assertThat(visitor().signIn(email, "wrong password " + i).status()).isEqualTo(401);
        }
        assertThat(visitor().signIn(email, PASSWORD).status()).as("after four failures").isEqualTo(302);

        for (int i = 0; i < 5; i++) {
            visitor().signIn(email, "wrong password " + i);
        }
        // Five failures: the next attempt waits 1 s, even with the right password.
        assertThat(visitor().signIn(email, PASSWORD).status()).isEqualTo(401);
        clock.advance(Duration.ofMillis(999));
        assertThat(visitor().signIn(email, PASSWORD).status()).isEqualTo(401);
        clock.advance(Duration.ofMillis(1));
        assertThat(visitor().signIn(email, "wrong again").status()).as("sixth failure").isEqualTo(401);

        // Six failures: 2 s.
        clock.advance(Duration.ofMillis(1999));
        assertThat(visitor().signIn(email, PASSWORD).status()).isEqualTo(401);
        clock.advance(Duration.ofMillis(1));
        assertThat(visitor().signIn(email, PASSWORD).status()).isEqualTo(302);

        // Many failures: the delay stops growing at 15 minutes.
        for (int i = 0; i < 30; i++) {
            visitor().signIn(email, "wrong password " + i);
            clock.advance(Duration.ofMinutes(15));
        }
        jdbc.sql("DELETE FROM rate_limit_windows").update();
        assertThat(visitor().signIn(email, PASSWORD).status()).as("15 min after the last failure").isEqualTo(302);
    }

    @Test
    void unknownAddressesAreThrottledExactlyLikeKnownOnes() {
        String unknown = uniqueEmail("ghost");
        for (int i = 0; i < 5; i++) {
            assertThat(visitor().signIn(unknown, "guess " + i).status()).isEqualTo(401);
        }
        Integer failures = jdbc.sql("SELECT max(failures) FROM sign_in_failures").query(Integer.class).single();
        assertThat(failures).isEqualTo(5);
    }

    @Test
    void tooManyAttemptsFromOneAddressGet429WithRetryAfter() {
        String email = uniqueEmail("target");
        Page last = null;
        for (int i = 0; i < 30; i++) {
            last = visitor().signIn(email, "guess " + i);
            assertThat(last.status()).isEqualTo(401);
        }
        Page refused = visitor().signIn(email, "guess 31");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).contains(String.valueOf(Duration.ofMinutes(15).toSeconds()));
        assertThat(refused.heading()).isEqualTo("Too many attempts");
        assertThat(refused.document().select("main p").text()).contains("Try again in 15 minutes.");

        clock.advance(Duration.ofMinutes(10));
        Page later = visitor().signIn(email, "guess 32");
        assertThat(later.header("Retry-After")).contains("300");
        assertThat(later.document().select("main p").text()).contains("Try again in 5 minutes.");
        clock.advance(Duration.ofMinutes(5));
        assertThat(visitor().signIn(email, "guess 33").status()).as("a new window").isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_failures").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aSignInGetsANewSessionIdAndSignOutEndsTheSession() {
        String email = uniqueEmail("owner");
        visitor().signUp("Rotation Inc", "Ro Tate", email, PASSWORD);
        WebSession visitor = visitor();
        visitor.get("/signin");
        String before = visitor.sessionId().orElseThrow();
        visitor.post("/signin", Map.of("email", email, "password", PASSWORD));
        String after = visitor.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(visitor.isSignedIn()).isTrue();

        visitor.signOut();
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", after)
                .query(Long.class).single()).isZero();
        assertThat(visitor.isSignedIn()).isFalse();
    }

    @Test
    void signInRecordsSuccessAndFailureInTheAuditLog() {
        String email = uniqueEmail("owner");
        visitor().signUp("Audited Co", "Au Dit", email, PASSWORD);
        visitor().signIn(email, "wrong password here");
        visitor().signIn(email, PASSWORD);
        String unknown = uniqueEmail("unknown");
        visitor().signIn(unknown, PASSWORD);
        var db = databaseOwner();
        UUID account = db.sql("SELECT account_id FROM users WHERE email = :e").param("e", email).query(UUID.class).single();
        assertThat(db.sql("""
                        SELECT action || ':' || outcome FROM audit_log WHERE account_id = :a AND action LIKE 'sign_in%' ORDER BY id""")
                .param("a", account).query(String.class).list()).containsExactly("sign_in:failure", "sign_in:success");
        assertThat(db.sql("""
                        SELECT count(*) FROM audit_log WHERE account_id IS NULL AND action = 'sign_in' AND outcome = 'failure'
                          AND target_id = 'unknown' AND ip IS NOT NULL""")
                .query(Long.class).single()).as("unknown address, no account").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single())
                .as("the application role reads no audit entries without an account").isZero();
    }
}
