package com.leadline.accounts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, their profiles, members and billing record; every statement runs under the current account's policies. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertAccount(UUID accountId, String name, Instant now) {
        jdbc.sql("INSERT INTO accounts (id, name, created_at) VALUES (:id, :name, :now)")
                .param("id", accountId).param("name", name).param("now", Timestamp.from(now)).update();
    }

    record KindAndCode(boolean agency, String referralCode) {
    }

    java.util.Optional<KindAndCode> kindAndCode(UUID accountId) {
        return jdbc.sql("SELECT kind = 'agency', referral_code FROM accounts WHERE id = :id").param("id", accountId)
                .query((rs, n) -> new KindAndCode(rs.getBoolean(1), rs.getString(2))).optional();
    }

    void insertAgency(UUID agencyId, String name, String referralCode, Instant now) {
        jdbc.sql("INSERT INTO accounts (id, name, kind, referral_code, created_at) VALUES (:id, :name, 'agency', :code, :now)")
                .param("id", agencyId).param("name", name).param("code", referralCode).param("now", Timestamp.from(now))
                .update();
    }

    /** Across accounts, through the lookup function: the agency a referral code belongs to. */
    java.util.Optional<UUID> agencyByReferral(String code) {
        return jdbc.sql("SELECT partners_find_agency_by_referral(:code)").param("code", code)
                .query(UUID.class).optional();
    }

    void insertBillingAccount(UUID accountId, UUID ownerUserId, String companyName, String billingEmail, Instant now) {
        jdbc.sql("""
                        INSERT INTO billing_accounts (account_id, owner_user_id, company_name, billing_email, created_at)
                        VALUES (:account, :owner, :company, :email, :now)""")
                .param("account", accountId).param("owner", ownerUserId).param("company", companyName)
                .param("email", billingEmail).param("now", Timestamp.from(now)).update();
    }

    String accountName(UUID accountId) {
        return jdbc.sql("SELECT name FROM accounts WHERE id = :id").param("id", accountId).query(String.class).single();
    }
}
