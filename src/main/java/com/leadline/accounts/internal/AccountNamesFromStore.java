package com.leadline.accounts.internal;

import com.leadline.accounts.AccountKinds;
import com.leadline.accounts.Agencies;
import com.leadline.identity.AccountNames;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountNamesFromStore implements AccountNames, AccountKinds, Agencies {

    private final AccountStore accounts;

    AccountNamesFromStore(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public String nameOf(UUID accountId) {
        return accounts.accountName(accountId);
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void open(UUID agencyId, String name, java.time.Instant now) {
        accounts.insertAgency(agencyId, name, referralCode(), now);
    }

    /** Ten base32 letters: 50 bits, short enough to read out, too many to guess. */
    private static String referralCode() {
        byte[] random = new byte[7];
        new java.security.SecureRandom().nextBytes(random);
        return com.leadline.platform.Totp.base32(random).substring(0, 10);
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
