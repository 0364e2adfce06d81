package com.leadline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.platform.CallerContext;
import com.leadline.testing.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who started the work reaches every audit entry from the caller's context, not from the use case's parameters. */
class AuditCallerIntegrationTests extends IntegrationTest {

    @Autowired
    private AuditLog audit;

    private final String target = UUID.randomUUID().toString();

    @Test
    void anEntryOfAPersonsRequestHasTheirAddressAndSessionReference() {
        try (CallerContext.Scope request = CallerContext.enterRequest("203.0.113.41", () -> "a-session-id")) {
            audit.record(AuditEntry.of("probe.request", Outcome.SUCCESS).on("probe", target));
        }
        Map<String, Object> row = row();
        assertThat(row.get("ip")).isEqualTo("203.0.113.41");
        assertThat((String) row.get("session_ref")).hasSize(16).isNotEqualTo("a-session-id");
        assertThat(row.get("system_actor")).isNull();
    }

    @Test
    void anEntryOfASystemActorNamesItAndHasNoAddressOrSession() {
        try (CallerContext.Scope request = CallerContext.enterRequest("203.0.113.42", () -> "a-session-id")) {
            CallerContext.runAsSystem("probe listener", () ->
                    audit.record(AuditEntry.of("probe.system", Outcome.SUCCESS).on("probe", target)));
        }
        Map<String, Object> row = row();
        assertThat(row.get("system_actor")).isEqualTo("probe listener");
        assertThat(row.get("ip")).isNull();
        assertThat(row.get("session_ref")).isNull();
    }

    @Test
    void anEntryWithoutACallerIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> audit.record(AuditEntry.of("probe.nobody", Outcome.SUCCESS).on("probe", target)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE target_type = 'probe' AND target_id = :t")
                .param("t", target).query(Integer.class).single()).isZero();
    }

    @Test
    void anEntryReadBackSaysWhereItCameFrom() {
        java.time.Instant at = java.time.Instant.EPOCH;
        assertThat(new AuditTrail.Recorded(at, "a", "success", null, null, null, "demo data", "{}").origin()).isEqualTo("system: demo data");
        assertThat(new AuditTrail.Recorded(at, "a", "success", null, "203.0.113.4", "0123456789abcdef", null, "{}").origin())
                .isEqualTo("203.0.113.4 (session 0123456789abcdef)");
        assertThat(new AuditTrail.Recorded(at, "a", "success", null, "203.0.113.4", null, null, "{}").origin()).isEqualTo("203.0.113.4");
    }

    private Map<String, Object> row() {
        return databaseOwner().sql("SELECT ip, session_ref, system_actor FROM audit_log WHERE target_type = 'probe' AND target_id = :t")
                .param("t", target).query().singleRow();
    }
}
