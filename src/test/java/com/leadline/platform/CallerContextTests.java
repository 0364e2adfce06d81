package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallerContextTests {

    @Test
    void askingForTheCallerWhereNobodySetOneIsABug() {
        assertThatThrownBy(CallerContext::current).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runAsSystem");
    }

    @Test
    void aRequestsCallerHasItsAddressAndAReferenceToItsSessionThatIsNotTheSessionId() {
        AtomicReference<String> session = new AtomicReference<>();
        try (CallerContext.Scope request = CallerContext.enterRequest("203.0.113.9", session::get)) {
            CallerContext.Caller caller = CallerContext.current();
            assertThat(caller.isSystem()).isFalse();
            assertThat(caller.clientAddress()).isEqualTo("203.0.113.9");
            assertThat(caller.sessionReference()).as("no session yet").isNull();

            session.set("4f1c2a9e-session-id");
            String reference = caller.sessionReference();
            assertThat(reference).as("read when asked for: signing in replaces the session").hasSize(16)
                    .doesNotContain("4f1c2a9e").isEqualTo(caller.sessionReference());
            session.set("another-session");
            assertThat(caller.sessionReference()).isNotEqualTo(reference);
        }
        assertThatThrownBy(CallerContext::current).as("the request's scope has ended").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSystemActorInsideARequestActsForItselfAndTheRequestComesBackAfterwards() {
        try (CallerContext.Scope request = CallerContext.enterRequest("198.51.100.2", () -> "s")) {
            String inside = CallerContext.callAsSystem("mail relay", () -> {
                CallerContext.Caller system = CallerContext.current();
                assertThat(system.clientAddress()).isNull();
                assertThat(system.sessionReference()).isNull();
                return system.systemActor();
            });
            assertThat(inside).isEqualTo("mail relay");
            assertThat(CallerContext.current().clientAddress()).isEqualTo("198.51.100.2");
        }
    }

    @Test
    void aSystemActorHasAName() {
        assertThatThrownBy(() -> CallerContext.runAsSystem(" ", () -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSystemScopeEndsAlsoWhenItsWorkFails() {
        assertThatThrownBy(() -> CallerContext.runAsSystem("schedule", () -> {
            throw new IllegalArgumentException("boom");
        })).hasMessage("boom");
        assertThatThrownBy(CallerContext::current).isInstanceOf(IllegalStateException.class);
    }
}
