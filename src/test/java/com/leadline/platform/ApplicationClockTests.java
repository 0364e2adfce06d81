package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ApplicationClockTests {

    private static final Instant REAL = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant PAST = Instant.parse("2026-11-20T08:30:00Z");
    private static final Instant EARLIER = Instant.parse("2026-11-01T00:00:00Z");

    private final ApplicationClock clock = new ApplicationClock() {
        @Override
        protected Instant currentInstant() {
            return REAL;
        }
    };

    @Test
    void readsTheGivenInstantForTheSystemActorsWorkOnlyAndOnItsThreadOnly() {
        Instant onAnotherThread = CallerContext.callAsSystem("seeder", () -> ApplicationClock.callAt(PAST, () -> {
            assertThat(clock.instant()).isEqualTo(PAST);
            assertThat(ApplicationClock.callAt(EARLIER, clock::instant)).isEqualTo(EARLIER);
            assertThat(clock.instant()).as("after nested work").isEqualTo(PAST);
            return CompletableFuture.supplyAsync(clock::instant).join();
        }));
        assertThat(onAnotherThread).isEqualTo(REAL);
        assertThat(clock.instant()).isEqualTo(REAL);
    }

    @Test
    void aPersonsRequestCannotSetTheTimeNorWorkWithoutACaller() {
        try (CallerContext.Scope request = CallerContext.enterRequest("203.0.113.7", () -> null)) {
            assertThatThrownBy(() -> ApplicationClock.runAt(PAST, () -> { })).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> ApplicationClock.runAt(PAST, () -> { })).isInstanceOf(IllegalStateException.class);
        assertThat(clock.instant()).isEqualTo(REAL);
    }

    @Test
    void noSystemActorSetsItInsideAWebRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            assertThatThrownBy(() -> CallerContext.runAsSystem("listener", () -> ApplicationClock.runAt(PAST, () -> { })))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
