package com.leadline.partners.internal;

import com.leadline.partners.PartnerRelationships;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The grants seen from the account support names: row-level security shows a grant to its client and its agency. */
@Component
class GrantRelationships implements PartnerRelationships {

    private final GrantStore grants;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    GrantRelationships(GrantStore grants, Tenancy tenancy, TransactionTemplate transactions) {
        this.grants = grants;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.reads = Transactions.readOnly(transactions.getTransactionManager());
    }

    @Override
    public List<Relationship> of(UUID accountId) {
        return reads.execute(status -> tenancy.inAccount(accountId,
                () -> grants.ofCurrentAccount().stream().map(GrantRelationships::relationship).toList()));
    }

    @Override
    public Optional<Relationship> end(UUID clientId, UUID agencyId) {
        return transactions.execute(status -> tenancy.inAccount(clientId, () -> grants.ofCurrentAccount().stream()
                .filter(grant -> grant.clientId().equals(clientId) && grant.agencyId().equals(agencyId))
                .findFirst()
                .filter(grant -> grants.delete(clientId, agencyId))
                .map(GrantRelationships::relationship)));
    }

    private static Relationship relationship(GrantStore.Grant grant) {
        return new Relationship(grant.clientId(), grant.clientName(), grant.agencyId(), grant.agencyName(), grant.level().label());
    }
}
