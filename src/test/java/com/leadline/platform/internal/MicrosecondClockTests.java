package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MicrosecondClockTests {

    private final MicrosecondClock clock = new MicrosecondClock();

    @Test
    void tellsTheTimeInWholeMicrosecondsAndMillis() {
        Instant before = Instant.now().minusMillis(1);
        Instant now = clock.instant();
        assertThat(now.getNano() % 1_000).isZero();
        assertThat(now).isAfter(before).isBeforeOrEqualTo(Instant.now());
        assertThat(clock.millis()).isBetween(before.toEpochMilli(), System.currentTimeMillis());
    }
}
