package com.leadline.identity.internal;

import com.leadline.identity.Identities.UserStatus;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A session lives only while its user is active: deactivation takes effect on the very next request. */
@Component
class ActiveUserCheck implements SignedInUserCheck {

    private final UserStore users;

    ActiveUserCheck(UserStore users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayContinue(AuthenticatedUser user) {
        return users.credentials(user.userId()).map(c -> c.status() == UserStatus.ACTIVE).orElse(false);
    }
}
