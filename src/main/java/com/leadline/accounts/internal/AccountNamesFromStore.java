package com.leadline.accounts.internal;

import com.leadline.identity.AccountNames;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class AccountNamesFromStore implements AccountNames {

    private final AccountStore accounts;

    AccountNamesFromStore(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public String nameOf(UUID accountId) {
        return accounts.accountName(accountId);
    }
}
