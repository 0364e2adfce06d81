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

    private final com.leadline.team.PartnerAccess partners;

    TeamMemberships(TeamStore team, com.leadline.identity.Identities identities, com.leadline.team.PartnerAccess partners,
                    Clock clock) {
        this.team = team;
        this.partners = partners;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Worker> workersOf(UUID profileId) {
        return workers(team.activeMembersOf(java.util.Set.of(profileId)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Worker> workersOfEvery(java.util.Set<UUID> profileIds) {
        return workers(team.activeWorkersOfEvery(profileIds));
    }

    private List<Worker> workers(List<UUID> userIds) {
        return userIds.stream()
                .flatMap(id -> identities.user(id).stream())
                .map(user -> new Worker(user.id(), user.name()))
                .sorted(java.util.Comparator.comparing(Worker::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<UUID> viewersOf(UUID profileId) {
        java.util.Set<UUID> viewers = new java.util.HashSet<>(team.activeMembersOf(java.util.Set.of(profileId)));
        partners.partnerMembers().forEach(partner -> viewers.add(partner.userId()));
        return viewers;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Person> people() {
        Map<UUID, Person> people = new java.util.HashMap<>();
        team.peopleOfAccount().forEach(person -> people.put(person.userId(), person));
        partners.partnerMembers().forEach(partner -> people.putIfAbsent(partner.userId(),
                new Person(partner.userId(), partner.name() + " (" + partner.agencyName() + ")", false)));
        return people;
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
