package com.leadline.team.internal;

import com.leadline.accounts.AccountOpened;
import com.leadline.team.Role;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The sign-up's owner becomes the account's one owner and a member of its first profile, in the sign-up transaction. */
@Component
class OwnerMembership {

    private final TeamStore team;
    private final Clock clock;

    OwnerMembership(TeamStore team, Clock clock) {
        this.team = team;
        this.clock = clock;
    }

    @EventListener
    void on(AccountOpened opened) {
        team.addMember(opened.accountId(), opened.ownerId(), Role.OWNER, clock.instant());
        team.addMemberships(opened.accountId(), opened.ownerId(), List.of(opened.firstProfileId()), clock.instant());
    }
}
