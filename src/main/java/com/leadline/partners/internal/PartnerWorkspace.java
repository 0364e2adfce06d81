package com.leadline.partners.internal;

import com.leadline.platform.NotFoundException;
import com.leadline.accounts.AccountKinds;
import com.leadline.identity.AccountNames;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellAccounts;
import com.leadline.platform.Tenancy;
import com.leadline.team.PartnerAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a partner agency's user works: their agency (the partner console) or one of its clients.
 * Everything is read in the agency's own account, where its grants are visible.
 */
@Service
class PartnerWorkspace implements ShellAccounts {

    private final GrantStore grants;
    private final AccountKinds accountKinds;
    private final AccountNames accountNames;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;

    PartnerWorkspace(GrantStore grants, AccountKinds accountKinds, AccountNames accountNames,
                     Tenancy tenancy, TransactionTemplate transactions) {
        this.grants = grants;
        this.accountKinds = accountKinds;
        this.accountNames = accountNames;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    @Override
    public List<AccountChoice> choicesFor(AuthenticatedUser user) {
        return transactions.execute(status -> agencyOf(user).map(agency -> tenancy.inAccount(agency, () -> {
            List<AccountChoice> choices = new ArrayList<>();
            choices.add(new AccountChoice(agency, accountNames.nameOf(agency) + " (partner console)",
                    user.accountId().equals(agency)));
            grants.ofCurrentAccount().stream().filter(grant -> grant.agencyId().equals(agency))
                    .forEach(grant -> choices.add(new AccountChoice(grant.clientId(), grant.clientName(),
                            user.accountId().equals(grant.clientId()))));
            return choices;
        })).orElse(List.of()));
    }

    @Override
    public Optional<String> readOnlyReasonFor(AuthenticatedUser user) {
        if (user.isAtHome()) {
            return Optional.empty();
        }
        return transactions.execute(status -> grants.levelOf(user.accountId(), user.homeAccountId()))
                .filter(level -> level == GrantStore.Level.READ_ONLY).map(level -> PartnerAccess.READ_ONLY_REASON);
    }

    /** The same user working in another account: their agency, or a client their agency holds a grant to (404 otherwise). */
    AuthenticatedUser actIn(AuthenticatedUser user, UUID accountId) {
        return transactions.execute(status -> {
            UUID agency = agencyOf(user).orElseThrow(NotFoundException::new);
            boolean allowed = accountId.equals(agency)
                    || tenancy.inAccount(agency, () -> grants.levelOf(accountId, agency).isPresent());
            if (!allowed) {
                throw new NotFoundException();
            }
            return user.workingIn(accountId);
        });
    }

    /** The agency the user belongs to, if they belong to one. */
    Optional<UUID> agencyOf(AuthenticatedUser user) {
        return Optional.ofNullable(user.homeAccountId())
                .filter(home -> tenancy.inAccount(home, () -> accountKinds.isAgency(home)));
    }
}
