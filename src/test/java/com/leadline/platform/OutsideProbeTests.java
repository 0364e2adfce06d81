package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outside probe of issue 13, kept in the suite: what a scanner on the network sends (NUL bytes,
 * oversized bodies, forged forwarding headers, requests for the local-mode tools from another host)
 * and the answers Leadline must give. docs/security.md lists what was probed and with what result.
 */
class OutsideProbeTests extends IntegrationTest {

    // 1. Local-mode tools (/dev/**) answer loopback clients only.

    // 2. Forged X-Forwarded-For does not change the client address.

    private static final int SIGN_INS_PER_ADDRESS = 30;
    private static final List<String> FORGED_ADDRESSES = List.of("127.0.0.1", "10.0.0.1", "192.168.1.20", "172.16.5.5",
            "203.0.113.9", "::1", "127.0.0.1, 127.0.0.1", "unknown");

    @Test
    void forgedForwardedForHeadersDoNotResetTheSignInLimit() {
        WebSession scanner = visitor();
        scanner.get("/signin");
        for (int i = 0; i < SIGN_INS_PER_ADDRESS; i++) {
            scanner.sendingHeader("X-Forwarded-For", FORGED_ADDRESSES.get(i % FORGED_ADDRESSES.size()));
            assertThat(scanner.post("/signin", Map.of("email", uniqueEmail("probe"), "password", "wrong guess")).status())
                    .as("attempt %d", i + 1).isEqualTo(401);
        }
        for (String forged : FORGED_ADDRESSES) {
            scanner.sendingHeader("X-Forwarded-For", forged);
            WebSession.Page refused = scanner.post("/signin", Map.of("email", uniqueEmail("probe"), "password", "wrong guess"));
            assertThat(refused.status()).as("claiming to be %s", forged).isEqualTo(429);
            assertThat(refused.header("Retry-After")).as("claiming to be %s", forged).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        }
    }

    // 3. NUL bytes and text PostgreSQL cannot hold.

    // 4. Oversized bodies and error formats.

}
