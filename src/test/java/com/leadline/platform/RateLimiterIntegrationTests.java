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
            rateLimiter.hit(purpose, "2001:db8:7:1::" + Integer.toHexString(i), 3, WINDOW);
        }
        assertThatThrownBy(() -> rateLimiter.hit(purpose, "2001:db8:7:1:ffff:1:2:3", 3, WINDOW))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> rateLimiter.hit(purpose, "2001:DB8:7:1:0:0:0:9", 3, WINDOW))
                .as("however the address is written").isInstanceOf(TooManyRequestsException.class);

        rateLimiter.hit(purpose, "2001:db8:7:2::1", 3, WINDOW);
        rateLimiter.hit(purpose, "::1", 3, WINDOW);
    }

    @Test
    void ipv4ClientsCountOneByOneAndTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            rateLimiter.hit(purpose, "203.0.113.7", 3, WINDOW);
        }
        assertThatThrownBy(() -> rateLimiter.hit(purpose, "203.0.113.7", 3, WINDOW))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(WINDOW.toSeconds()));
        assertThatThrownBy(() -> rateLimiter.hit(purpose, "::ffff:203.0.113.7", 3, WINDOW))
                .as("the same IPv4 client written as IPv6").isInstanceOf(TooManyRequestsException.class);
        rateLimiter.hit(purpose, "203.0.113.8", 3, WINDOW);

        clock.advance(WINDOW);
        rateLimiter.hit(purpose, "203.0.113.7", 3, WINDOW);
    }

    @Test
    void theNetworkOfAnAddress() {
        assertThat(ClientAddress.network("198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ClientAddress.network("2001:db8:aa:bb:1:2:3:4")).isEqualTo("2001:db8:aa:bb:0:0:0:0/64");
        assertThat(ClientAddress.network("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ClientAddress.network("not an address")).isEqualTo("not an address");
    }
}
