package com.leadline.team;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone was invited to the account (by its people, or as an agency's first admin by support); published
 * inside the invitation's transaction. Not published when an invitation is sent again.
 *
 * @param invitedBy the inviting user; null when support staff invited
 */
public record MemberInvited(UUID accountId, MemberFacts member, UUID invitedBy, Instant at) {
}
