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
    private final com.leadline.identity.Identities identities;
    private final Clock clock;

    TeamMemberships(TeamStore team, com.leadline.identity.Identities identities, Clock clock) {
        this.team = team;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Worker> workersOf(UUID profileId) {
        return team.activeMembersOf(java.util.Set.of(profileId)).stream()
                .flatMap(id -> identities.user(id).stream())
                .map(user -> new Worker(user.id(), user.name()))
                .sorted(java.util.Comparator.comparing(Worker::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
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
