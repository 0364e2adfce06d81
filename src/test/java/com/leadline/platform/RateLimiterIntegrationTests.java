package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.testing.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimiterIntegrationTests extends IntegrationTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Autowired
    private RateLimiter rateLimiter;

    /** Each test counts under a purpose of its own, so no other test's hits are in its buckets. */
    private final String purpose = "probe-" + UUID.randomUUID();

    @Test
    void anIpv6ClientCannotTakeAFreshBucketWithEachAddressOfItsSlash64() {
        for (int i = 1; i <= 3; i++) {
            hitFrom("2001:db8:7:1::" + Integer.toHexString(i));
        }
        assertThatThrownBy(() -> hitFrom("2001:db8:7:1:ffff:1:2:3"))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> hitFrom("2001:DB8:7:1:0:0:0:9"))
                .as("however the address is written").isInstanceOf(TooManyRequestsException.class);

        hitFrom("2001:db8:7:2::1");
        hitFrom("::1");
    }

    @Test
    void ipv4ClientsCountOneByOneAndTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            hitFrom("203.0.113.7");
        }
        assertThatThrownBy(() -> hitFrom("203.0.113.7"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(WINDOW.toSeconds()));
        assertThatThrownBy(() -> hitFrom("::ffff:203.0.113.7"))
                .as("the same IPv4 client written as IPv6").isInstanceOf(TooManyRequestsException.class);
        hitFrom("203.0.113.8");

        clock.advance(WINDOW);
        hitFrom("203.0.113.7");
    }

    @Test
    void aSystemActorIsNotAClientAndIsNotLimited() {
        CallerContext.runAsSystem("probe", () -> {
            for (int i = 0; i < 10; i++) {
                rateLimiter.hit(purpose, 3, WINDOW);
            }
        });
        assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_windows WHERE bucket LIKE :purpose")
                .param("purpose", purpose + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void workWithoutACallerIsABugAndCountsNothing() {
        assertThatThrownBy(() -> rateLimiter.hit(purpose, 3, WINDOW)).isInstanceOf(IllegalStateException.class);
    }

    private void hitFrom(String clientAddress) {
        try (CallerContext.Scope request = CallerContext.enterRequest(clientAddress, () -> null)) {
            rateLimiter.hit(purpose, 3, WINDOW);
        }
    }

    @Test
    void theNetworkOfAnAddress() {
        assertThat(ClientAddress.network("198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ClientAddress.network("2001:db8:aa:bb:1:2:3:4")).isEqualTo("2001:db8:aa:bb:0:0:0:0/64");
        assertThat(ClientAddress.network("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ClientAddress.network("not an address")).isEqualTo("not an address");
    }
}
