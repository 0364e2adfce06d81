package com.leadline.billing.internal;

import com.leadline.accounts.AccountOpened;
import com.leadline.accounts.Profiles.Plan;
import com.leadline.team.MemberDeactivated;
import com.leadline.team.MemberInvited;
import com.leadline.team.MemberJoined;
import com.leadline.team.MemberReactivated;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seats and the first profile, from the team's and the accounts' events, each heard inside the transaction
 * that publishes it (a plain listener): the billing event commits or rolls back with the change. An
 * invitation is recorded but is no seat; the seat starts when the invitation is accepted.
 */
@Component
class TeamBillingEvents {

    private final BillingEventStore store;
    private final Clock clock;

    TeamBillingEvents(BillingEventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(AccountOpened event) {
        var now = clock.instant();
        store.record(event.accountId(), BillingEvent.Kind.SEAT_ADDED, event.ownerId(), null, null, event.ownerId(), now);
        store.record(event.accountId(), BillingEvent.Kind.PROFILE_ADDED, event.firstProfileId(), null, Plan.PRO.code(),
                event.ownerId(), now);
    }

    @EventListener
    void on(MemberInvited event) {
        store.record(event.accountId(), BillingEvent.Kind.USER_INVITED, event.member().userId(), null,
                event.member().role().code(), event.invitedBy(), event.at());
    }

    @EventListener
    void on(MemberJoined event) {
        store.record(event.accountId(), BillingEvent.Kind.SEAT_ADDED, event.userId(), null, null, event.userId(), event.at());
    }

    @EventListener
    void on(MemberDeactivated event) {
        store.record(event.accountId(), BillingEvent.Kind.SEAT_REMOVED, event.member().userId(), null, null,
                event.deactivatedBy(), event.at());
    }

    @EventListener
    void on(MemberReactivated event) {
        store.record(event.accountId(), BillingEvent.Kind.SEAT_ADDED, event.userId(), null, null, null, event.at());
    }
}
