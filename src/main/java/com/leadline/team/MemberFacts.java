package com.leadline.team;

import java.util.Set;
import java.util.UUID;

/** A person of the account as a team change left them: their role and the profiles they are a member of. */
public record MemberFacts(UUID userId, String name, String email, Role role, Set<UUID> profileIds) {

    public MemberFacts {
        profileIds = Set.copyOf(profileIds);
    }
}
