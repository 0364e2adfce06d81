package com.leadline.team.internal;

import com.leadline.platform.Transactions;
import com.leadline.team.Memberships;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class TeamMemberships implements Memberships {

    private final MembershipStore memberships;
    private final com.leadline.identity.Identities identities;
    private final Clock clock;

    private final com.leadline.team.PartnerAccess partners;
    private final TransactionTemplate reads;
    private final TransactionTemplate callersTransaction;

    TeamMemberships(MembershipStore memberships, com.leadline.identity.Identities identities, com.leadline.team.PartnerAccess partners,
                    Clock clock, PlatformTransactionManager transactionManager) {
        this.memberships = memberships;
        this.partners = partners;
        this.identities = identities;
        this.clock = clock;
        this.reads = Transactions.readOnly(transactionManager);
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    @Override
    public List<Worker> workersOf(UUID profileId) {
        return reads.execute(status -> workers(memberships.activeMembersOf(java.util.Set.of(profileId))));
    }

    @Override
    public List<Worker> workersOfEvery(java.util.Set<UUID> profileIds) {
        return reads.execute(status -> workers(memberships.activeWorkersOfEvery(profileIds)));
    }

    private List<Worker> workers(List<UUID> userIds) {
        return userIds.stream()
                .flatMap(id -> identities.user(id).stream())
                .map(user -> new Worker(user.id(), user.name()))
                .sorted(java.util.Comparator.comparing(Worker::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public java.util.Set<UUID> viewersOf(UUID profileId) {
        return reads.execute(status -> {
            java.util.Set<UUID> viewers = new java.util.HashSet<>(memberships.activeMembersOf(java.util.Set.of(profileId)));
            partners.partnerMembers().forEach(partner -> viewers.add(partner.userId()));
            return viewers;
        });
    }

    @Override
    public Map<UUID, Person> people() {
        return reads.execute(status -> {
            Map<UUID, Person> people = new java.util.HashMap<>();
            memberships.peopleOfAccount().forEach(person -> people.put(person.userId(), person));
            partners.partnerMembers().forEach(partner -> people.putIfAbsent(partner.userId(),
                    new Person(partner.userId(), partner.name() + " (" + partner.agencyName() + ")", false)));
            return people;
        });
    }

    @Override
    public void join(UUID accountId, UUID profileId, UUID userId) {
        callersTransaction.executeWithoutResult(status ->
                memberships.addMemberships(accountId, userId, List.of(profileId), clock.instant()));
    }

    @Override
    public boolean worksIn(UUID userId, UUID profileId) {
        return Boolean.TRUE.equals(reads.execute(status -> memberships.activeMembersOf(java.util.Set.of(profileId)).contains(userId)));
    }

    @Override
    public Map<UUID, Integer> userCounts() {
        return reads.execute(status -> memberships.userCounts());
    }

    @Override
    public int activeSeats() {
        return reads.execute(status -> memberships.activeSeats());
    }
}
