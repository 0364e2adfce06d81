package com.leadline.accounts.internal;

import com.leadline.accounts.NumberRoutes;
import com.leadline.platform.Transactions;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the registry of sending numbers (V42), which is not a tenant table, through its lookup function. */
@Component
class NumberRegistry implements NumberRoutes {

    private final JdbcClient jdbc;
    private final TransactionTemplate reads;

    NumberRegistry(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.reads = Transactions.readOnly(transactionManager);
    }

    @Override
    public Optional<Route> route(String phoneNumber) {
        return reads.execute(status -> jdbc.sql("SELECT account_id, profile_id FROM texting_route_number(:number)")
                .param("number", phoneNumber)
                .query((rs, row) -> new Route(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional());
    }
}
