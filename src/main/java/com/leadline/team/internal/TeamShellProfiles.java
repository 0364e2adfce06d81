package com.leadline.team.internal;

import com.leadline.accounts.Profiles;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellProfiles;
import com.leadline.platform.Tenancy;
import com.leadline.team.Role;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The switcher offers the profiles in use that the user works in (every one for the owner). */
@Component
class TeamShellProfiles implements ShellProfiles {

    private final Profiles profiles;
    private final TeamStore team;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;

    TeamShellProfiles(Profiles profiles, TeamStore team, Tenancy tenancy, TransactionTemplate transactions) {
        this.profiles = profiles;
        this.team = team;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    /** Also asked while rendering error pages, outside the request's tenancy: so it names the account itself. */
    @Override
    public List<ShellProfile> visibleTo(AuthenticatedUser user) {
        return transactions.execute(status -> tenancy.inAccount(user.accountId(), () -> {
            Optional<Role> role = team.roleOf(user.userId());
            if (role.isEmpty()) {
                return List.<ShellProfile>of();
            }
            Set<UUID> working = role.get() == Role.OWNER ? team.allProfiles() : team.workingProfiles(user.userId());
            return profiles.all().stream().filter(profile -> working.contains(profile.id()))
                    .map(profile -> new ShellProfile(profile.id(), profile.name())).toList();
        }));
    }
}
