package com.leadline.billing.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellMenu;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/** The account menu's Billing, for the owner only (PERMISSIONS.md row 16), after Your settings as UI.md orders it. */
@Component
class BillingMenu implements ShellMenu {

    static final Item BILLING = new Item("Billing", BillingController.PATH);

    private final ActorLookup actors;

    BillingMenu(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Item> itemsFor(AuthenticatedUser user) {
        return List.of();
    }

    @Override
    public List<Item> closingItemsFor(AuthenticatedUser user) {
        return actors.actorOf(user).filter(actor -> actor.can(Permission.CHANGE_PLANS)).map(actor -> List.of(BILLING))
                .orElse(List.of());
    }
}
