package com.leadline.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    @Test
    void delayIsZeroForTheFirstFiveFailuresThenDoublesUpToFifteenMinutes() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(SignInThrottle.delayAfter(failures)).isZero();
        }
        assertThat(SignInThrottle.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInThrottle.delayAfter(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SignInThrottle.delayAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(SignInThrottle.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(15));
    }
}
