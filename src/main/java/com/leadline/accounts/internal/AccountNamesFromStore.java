package com.leadline.accounts.internal;

import com.leadline.accounts.AccountKinds;
import com.leadline.accounts.Agencies;
import com.leadline.identity.AccountNames;
import com.leadline.platform.Transactions;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class AccountNamesFromStore implements AccountNames, AccountKinds, Agencies {

    private final AccountStore accounts;
    private final TransactionTemplate reads;
    private final TransactionTemplate callersTransaction;

    AccountNamesFromStore(AccountStore accounts, PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.reads = Transactions.readOnly(transactionManager);
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    @Override
    public String nameOf(UUID accountId) {
        return accounts.accountName(accountId);
    }

    @Override
    public void open(UUID agencyId, String name, java.time.Instant now) {
        callersTransaction.executeWithoutResult(status -> accounts.insertAgency(agencyId, name, referralCode(), now));
    }

    /** Ten base32 letters: 50 bits, short enough to read out, too many to guess. */
    private static String referralCode() {
        byte[] random = new byte[7];
        new java.security.SecureRandom().nextBytes(random);
        return com.leadline.platform.Totp.base32(random).substring(0, 10);
    }

    @Override
    public boolean isAgency(UUID accountId) {
        return reads.execute(status -> accounts.kindAndCode(accountId).map(found -> found.agency()).orElse(false));
    }

    @Override
    public Optional<String> referralCode(UUID agencyId) {
        return reads.execute(status -> accounts.kindAndCode(agencyId).map(found -> found.referralCode()));
    }
}
