package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.conversation.InboxReads;
import com.leadline.inbox.internal.conversation.Tab;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellInbox;
import com.leadline.platform.Tenancy;
import com.leadline.team.ActorLookup;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/** The shell's Inbox badge: the All tab's unread count, through the same rule as the Inbox itself. */
@Component
class InboxShellBadge implements ShellInbox {

    private final ActorLookup actors;
    private final InboxReads inbox;
    private final Tenancy tenancy;

    InboxShellBadge(ActorLookup actors, InboxReads inbox, Tenancy tenancy) {
        this.actors = actors;
        this.inbox = inbox;
        this.tenancy = tenancy;
    }

    /** Also asked while rendering error pages, outside the request's tenancy: so it names the account itself. */
    @Override
    public OptionalInt unreadFor(AuthenticatedUser user) {
        return tenancy.inAccount(user.accountId(), () -> actors.actorOf(user)
                .filter(actor -> !actor.profileIds().isEmpty())
                .map(actor -> OptionalInt.of(inbox.unreadCounts(actor).get(Tab.ALL)))
                .orElse(OptionalInt.empty()));
    }
}
