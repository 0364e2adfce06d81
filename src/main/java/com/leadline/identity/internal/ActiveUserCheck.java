package com.leadline.identity.internal;

import com.leadline.identity.Identities.UserStatus;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A session lives only while its user is active, and carries their current name and address:
 * deactivation and edits take effect on the very next request.
 */
@Component
@org.springframework.core.annotation.Order(1)
class ActiveUserCheck implements SignedInUserCheck {

    private final UserStore users;
    private final Tenancy tenancy;
    private final TransactionTemplate reads;

    ActiveUserCheck(UserStore users, Tenancy tenancy, PlatformTransactionManager transactionManager) {
        this.users = users;
        this.tenancy = tenancy;
        this.reads = Transactions.readOnly(transactionManager);
    }

    @Override
    public Optional<AuthenticatedUser> current(AuthenticatedUser user) {
        // Read in the user's own account: a partner user's session works in a client's account.
        return reads.execute(status -> Optional.ofNullable(user.homeAccountId())
                        .flatMap(account -> tenancy.inAccount(account, () -> users.credentials(user.userId()))))
                .filter(now -> now.status() == UserStatus.ACTIVE)
                .map(now -> new AuthenticatedUser(now.userId(), now.accountId(), user.accountId(), now.name(), now.email()));
    }
}
