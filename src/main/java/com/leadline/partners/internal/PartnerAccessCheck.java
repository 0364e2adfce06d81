package com.leadline.partners.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import com.leadline.platform.Transactions;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner user working in a client account keeps working there only while their agency's grant
 * lives: once support ends it, the next request takes them back to their agency.
 */
@Component
@Order(2)
class PartnerAccessCheck implements SignedInUserCheck {

    private final GrantStore grants;
    private final TransactionTemplate reads;

    PartnerAccessCheck(GrantStore grants, PlatformTransactionManager transactionManager) {
        this.grants = grants;
        this.reads = Transactions.readOnly(transactionManager);
    }

    @Override
    public Optional<AuthenticatedUser> current(AuthenticatedUser user) {
        return reads.execute(status -> {
            if (user.isAtHome() || grants.levelOf(user.accountId(), user.homeAccountId()).isPresent()) {
                return Optional.of(user);
            }
            return Optional.of(user.workingIn(user.homeAccountId()));
        });
    }
}
