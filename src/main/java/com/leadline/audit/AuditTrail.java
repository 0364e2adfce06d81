package com.leadline.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading the audit log of the account the current transaction works for. */
public interface AuditTrail {

    /** {@code ip} and {@code sessionReference} of a person's request, or the {@code systemActor} that did it. */
    record Recorded(Instant at, String action, String outcome, UUID actorUserId, String ip, String sessionReference,
                    String systemActor, String details) {

        /** Where the entry came from, in a few words: the address and session, or the system actor. */
        public String origin() {
            if (systemActor != null) {
                return "system: " + systemActor;
            }
            if (ip == null) {
                return "";
            }
            return sessionReference == null ? ip : ip + " (session " + sessionReference + ")";
        }
    }

    List<Recorded> about(String targetType, String targetId, int limit);
}
