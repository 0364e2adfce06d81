package com.leadline.accounts.internal;

import com.leadline.accounts.AccountKinds;
import com.leadline.identity.AccountNames;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountNamesFromStore implements AccountNames, AccountKinds {

    private final AccountStore accounts;

    AccountNamesFromStore(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public String nameOf(UUID accountId) {
        return accounts.accountName(accountId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isAgency(UUID accountId) {
        return accounts.kindAndCode(accountId).map(found -> found.agency()).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> referralCode(UUID agencyId) {
        return accounts.kindAndCode(agencyId).map(found -> found.referralCode());
    }
}
