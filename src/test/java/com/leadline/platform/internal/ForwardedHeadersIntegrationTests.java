package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With the default configuration no proxy is trusted: whatever X-Forwarded-* headers a client sends,
 * its address is the socket's (here 127.0.0.1, the kind of address Spring Boot's default trusts) and
 * its scheme is the connection's. Naming a proxy is covered by {@link TrustedProxiesTests}.
 */
class ForwardedHeadersIntegrationTests extends IntegrationTest {

    private static final int RESET_REQUESTS_PER_ADDRESS = 10;

    @Test
    void aForgedForwardedForStartsNoFreshBucket() {
        WebSession visitor = visitor();
        for (int i = 0; i < RESET_REQUESTS_PER_ADDRESS; i++) {
            visitor.sendingHeader("X-Forwarded-For", "203.0.113." + (i + 1));
            assertThat(visitor.requestPasswordReset(uniqueEmail("nobody")).status()).as("request %d", i + 1).isEqualTo(302);
        }
        for (String forged : List.of("198.51.100.7", "127.0.0.1", "10.1.2.3, 192.168.0.4")) {
            visitor.sendingHeader("X-Forwarded-For", forged);
            Page refused = visitor.requestPasswordReset(uniqueEmail("nobody"));
            assertThat(refused.status()).as("claiming to be %s", forged).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isPresent();
        }
    }

    @Test
    void theAuditRecordsTheSocketAddressNotTheForgedOne() {
        String email = uniqueEmail("forger");
        visitor().sendingHeader("X-Forwarded-For", "203.0.113.66").signUp("Forged Forwarding", "Fay Forge", email, PASSWORD);
        assertThat(databaseOwner().sql("""
                        SELECT a.ip FROM audit_log a JOIN users u ON u.account_id = a.account_id
                        WHERE a.action = 'sign_up' AND u.email = :e""")
                .param("e", email).query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    void aForgedForwardedProtoDoesNotMakeThePlainHttpSessionCookieSecure() {
        Page page = visitor().sendingHeader("X-Forwarded-Proto", "https").get("/signin");
        assertThat(page.header("Set-Cookie").orElseThrow()).startsWith(WebSession.SESSION_COOKIE + "=").doesNotContain("Secure");
    }
}
