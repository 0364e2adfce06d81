package com.leadline.partners.internal;

import com.leadline.identity.Identities;
import com.leadline.platform.Transactions;
import com.leadline.team.PartnerAccess;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Partner access as the grants say: checked against the database on every request, never cached. */
@Component
class GrantedPartnerAccess implements PartnerAccess {

    private final GrantStore grants;
    private final Identities identities;
    private final TransactionTemplate reads;

    GrantedPartnerAccess(GrantStore grants, Identities identities, PlatformTransactionManager transactionManager) {
        this.grants = grants;
        this.identities = identities;
        this.reads = Transactions.readOnly(transactionManager);
    }

    @Override
    public Optional<Level> levelOf(UUID userId, UUID accountId) {
        return reads.execute(status -> identities.homeAccountOf(userId)
                .filter(home -> !home.equals(accountId))
                .flatMap(agency -> grants.levelOf(accountId, agency))
                .map(GrantedPartnerAccess::level));
    }

    @Override
    public List<PartnerMember> partnerMembers() {
        return reads.execute(status -> grants.partnerUsersOfCurrentAccount().stream()
                .map(user -> new PartnerMember(user.userId(), user.name(), user.email(), user.agencyId(), user.agencyName(),
                        level(user.level())))
                .toList());
    }

    @Override
    public List<AgencyAccess> agencies() {
        return reads.execute(status -> grants.agenciesOfCurrentAccount().stream()
                .map(grant -> new AgencyAccess(grant.agencyId(), grant.agencyName(), level(grant.level())))
                .toList());
    }

    private static Level level(GrantStore.Level level) {
        return level == GrantStore.Level.ADMIN ? Level.ADMIN : Level.READ_ONLY;
    }
}
