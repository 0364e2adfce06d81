package com.leadline.partners.internal;

import com.leadline.partners.PartnerRelationships;
import com.leadline.platform.Tenancy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The grants seen from the account support names: row-level security shows a grant to its client and its agency. */
@Component
class GrantRelationships implements PartnerRelationships {

    private final GrantStore grants;
    private final Tenancy tenancy;

    GrantRelationships(GrantStore grants, Tenancy tenancy) {
        this.grants = grants;
        this.tenancy = tenancy;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Relationship> of(UUID accountId) {
        return tenancy.inAccount(accountId, () -> grants.ofCurrentAccount().stream().map(GrantRelationships::relationship).toList());
    }

    @Override
    @Transactional
    public Optional<Relationship> end(UUID clientId, UUID agencyId) {
        return tenancy.inAccount(clientId, () -> grants.ofCurrentAccount().stream()
                .filter(grant -> grant.clientId().equals(clientId) && grant.agencyId().equals(agencyId))
                .findFirst()
                .filter(grant -> grants.delete(clientId, agencyId))
                .map(GrantRelationships::relationship));
    }

    private static Relationship relationship(GrantStore.Grant grant) {
        return new Relationship(grant.clientId(), grant.clientName(), grant.agencyId(), grant.agencyName(), grant.level().label());
    }
}
