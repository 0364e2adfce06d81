package com.leadline.integrations.internal.web;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SettingsGroup;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Settings area's Integrations group, for who configures integrations (PERMISSIONS.md row 20). */
@Component
class IntegrationsSettingsGroup implements SettingsGroup {

    static final Entry INTEGRATIONS = new Entry("Integrations",
            "Outgoing webhooks to your other tools, their signing secrets and delivery logs; contacts are imported from the Contacts page.",
            IntegrationsController.PATH, Place.INTEGRATIONS, Access.OPEN);

    private final ActorLookup actors;

    IntegrationsSettingsGroup(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Entry> groupsFor(AuthenticatedUser user) {
        return actors.actorOf(user).filter(actor -> actor.can(Permission.CONFIGURE_INTEGRATIONS)).map(actor -> List.of(INTEGRATIONS))
                .orElse(List.of());
    }
}
