package com.leadline.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading the audit log of the account the current transaction works for. */
public interface AuditTrail {

    record Recorded(Instant at, String action, String outcome, UUID actorUserId, String ip, String details) {
    }

    List<Recorded> about(String targetType, String targetId, int limit);
}
