package com.leadline.partners.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner user working in a client account keeps working there only while their agency's grant
 * lives: once support ends it, the next request takes them back to their agency.
 */
@Component
@Order(2)
class PartnerAccessCheck implements SignedInUserCheck {

    private final GrantStore grants;

    PartnerAccessCheck(GrantStore grants) {
        this.grants = grants;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> current(AuthenticatedUser user) {
        if (user.isAtHome() || grants.levelOf(user.accountId(), user.homeAccountId()).isPresent()) {
            return Optional.of(user);
        }
        return Optional.of(user.workingIn(user.homeAccountId()));
    }
}
