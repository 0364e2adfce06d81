package com.leadline.team;

import java.time.Instant;
import java.util.UUID;

/** Support reactivated a deactivated user; published inside the reactivation's transaction (no user of the account did it). */
public record MemberReactivated(UUID accountId, UUID userId, UUID supportStaffId, Instant at) {
}
