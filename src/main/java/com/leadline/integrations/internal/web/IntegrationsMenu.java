package com.leadline.integrations.internal.web;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellMenu;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/** The account menu item Integrations, for those who may configure them (PERMISSIONS.md row 20), read afresh for every page. */
@Component
@org.springframework.core.annotation.Order(10)
class IntegrationsMenu implements ShellMenu {

    static final Item INTEGRATIONS = new Item("Integrations", IntegrationsController.PATH);

    private final ActorLookup actors;

    IntegrationsMenu(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Item> itemsFor(AuthenticatedUser user) {
        return actors.actorOf(user).filter(actor -> actor.can(Permission.CONFIGURE_INTEGRATIONS)).map(actor -> List.of(INTEGRATIONS))
                .orElse(List.of());
    }
}
