package com.leadline.team.internal;

import com.leadline.accounts.Profiles;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellProfiles;
import com.leadline.platform.Tenancy;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The switcher offers the profiles in use that the actor works in: the same rule as every page's {@link Actors}. */
@Component
class TeamShellProfiles implements ShellProfiles {

    private final Actors actors;
    private final Profiles profiles;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;

    TeamShellProfiles(Actors actors, Profiles profiles, Tenancy tenancy, TransactionTemplate transactions) {
        this.actors = actors;
        this.profiles = profiles;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    /** Also asked while rendering error pages, outside the request's tenancy: so it names the account itself. */
    @Override
    public List<ShellProfile> visibleTo(AuthenticatedUser user) {
        return transactions.execute(status -> tenancy.inAccount(user.accountId(), () -> actors.find(user)
                .map(actor -> profiles.all().stream().filter(profile -> actor.canManageProfile(profile.id()))
                        .map(profile -> new ShellProfile(profile.id(), profile.name())).toList())
                .orElse(List.of())));
    }
}
