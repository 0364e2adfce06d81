package com.leadline.team;

import java.time.Instant;
import java.util.UUID;

/** An invited person accepted their invitation and is now an active user; published inside the acceptance's transaction. */
public record MemberJoined(UUID accountId, UUID userId, Instant at) {
}
