package com.leadline.team.internal;

import com.leadline.accounts.AccountOpened;
import com.leadline.accounts.AgencyOpened;
import com.leadline.platform.CallerContext;
import com.leadline.team.Role;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first member of a new account, in its sign-up transaction: a business's signer becomes its one
 * owner and a member of its first profile; an agency's signer becomes its first admin.
 */
@Component
class FoundingMembers {

    private static final String ACTOR = "founding members";

    private final MembershipStore memberships;
    private final Clock clock;

    FoundingMembers(MembershipStore memberships, Clock clock) {
        this.memberships = memberships;
        this.clock = clock;
    }

    @EventListener
    void on(AccountOpened opened) {
        CallerContext.runAsSystem(ACTOR, () -> {
            memberships.addMember(opened.accountId(), opened.ownerId(), Role.OWNER, clock.instant());
            memberships.addMemberships(opened.accountId(), opened.ownerId(), List.of(opened.firstProfileId()), clock.instant());
        });
    }

    @EventListener
    void on(AgencyOpened opened) {
        CallerContext.runAsSystem(ACTOR, () ->
                memberships.addMember(opened.agencyId(), opened.firstAdminId(), Role.ADMIN, clock.instant()));
    }
}
