package com.leadline.profiles.internal;

import com.leadline.accounts.Profiles;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellProfiles;
import com.leadline.platform.Tenancy;
import com.leadline.team.ActorLookup;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the shell's profile switcher offers: the profiles in use that the actor works in, the same rule
 * {@link ProfileSwitchController} applies to the one chosen.
 */
@Component
class SwitcherProfiles implements ShellProfiles {

    private final ActorLookup actors;
    private final Profiles profiles;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;

    SwitcherProfiles(ActorLookup actors, Profiles profiles, Tenancy tenancy, TransactionTemplate transactions) {
        this.actors = actors;
        this.profiles = profiles;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    /** Also asked while rendering error pages, outside the request's tenancy: so it names the account itself. */
    @Override
    public List<ShellProfile> visibleTo(AuthenticatedUser user) {
        return transactions.execute(status -> tenancy.inAccount(user.accountId(), () -> actors.actorOf(user)
                .map(actor -> profiles.all().stream().filter(profile -> actor.canManageProfile(profile.id()))
                        .map(profile -> new ShellProfile(profile.id(), profile.name())).toList())
                .orElse(List.of())));
    }
}
