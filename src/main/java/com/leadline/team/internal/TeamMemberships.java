package com.leadline.team.internal;

import com.leadline.team.Memberships;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class TeamMemberships implements Memberships {

    private final TeamStore team;
    private final Clock clock;

    TeamMemberships(TeamStore team, Clock clock) {
        this.team = team;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void join(UUID accountId, UUID profileId, UUID userId) {
        team.addMemberships(accountId, userId, List.of(profileId), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean worksIn(UUID userId, UUID profileId) {
        return team.activeMembersOf(java.util.Set.of(profileId)).contains(userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Integer> userCounts() {
        return team.userCounts();
    }
}
