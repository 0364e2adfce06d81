package com.leadline.billing.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SettingsGroup;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Settings area's Billing group, for the owner alone (PERMISSIONS.md row 16, {@link Permission#CHANGE_PLANS}), as the account menu's Billing. */
@Component
class BillingSettingsGroup implements SettingsGroup {

    static final Entry BILLING = new Entry("Billing", "The billing account, each profile's plan and price, this month's total and the history.",
            BillingController.PATH, Place.BILLING, Access.OPEN);

    private final ActorLookup actors;

    BillingSettingsGroup(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Entry> groupsFor(AuthenticatedUser user) {
        return actors.actorOf(user).filter(actor -> actor.can(Permission.CHANGE_PLANS)).map(actor -> List.of(BILLING)).orElse(List.of());
    }
}
