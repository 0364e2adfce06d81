package com.leadline.team.internal.web;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellMenu;
import com.leadline.team.ActorLookup;
import com.leadline.team.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/** The account menu item Audit log, for those who may read it (PERMISSIONS.md row 31), read afresh for every page. */
@Component
class AuditLogMenu implements ShellMenu {

    static final Item AUDIT_LOG = new Item("Audit log", AuditLogController.PATH);

    private final ActorLookup actors;

    AuditLogMenu(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    public List<Item> itemsFor(AuthenticatedUser user) {
        return actors.actorOf(user).filter(actor -> actor.can(Permission.READ_AUDIT_LOG)).map(actor -> List.of(AUDIT_LOG))
                .orElse(List.of());
    }
}
