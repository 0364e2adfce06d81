package com.leadline.identity.internal;

import com.leadline.identity.Identities.UserStatus;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session lives only while its user is active, and carries their current name and address:
 * deactivation and edits take effect on the very next request.
 */
@Component
class ActiveUserCheck implements SignedInUserCheck {

    private final UserStore users;

    ActiveUserCheck(UserStore users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuthenticatedUser> current(AuthenticatedUser user) {
        return users.credentials(user.userId())
                .filter(now -> now.status() == UserStatus.ACTIVE)
                .map(now -> new AuthenticatedUser(now.userId(), now.accountId(), now.name(), now.email()));
    }
}
