package com.leadline.partners.internal;

import com.leadline.identity.Identities;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner user working in a client account keeps working there only while their agency's grant
 * lives: once the client revokes it, the next request takes them back to their agency.
 */
@Component
@Order(2)
class PartnerAccessCheck implements SignedInUserCheck {

    private final Identities identities;
    private final GrantStore grants;

    PartnerAccessCheck(Identities identities, GrantStore grants) {
        this.identities = identities;
        this.grants = grants;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> current(AuthenticatedUser user) {
        return identities.homeAccountOf(user.userId()).map(home -> {
            if (home.equals(user.accountId()) || grants.levelOf(user.accountId(), home).isPresent()) {
                return user;
            }
            return new AuthenticatedUser(user.userId(), home, user.displayName(), user.email());
        });
    }
}
