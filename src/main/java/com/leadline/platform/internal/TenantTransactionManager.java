package com.leadline.platform.internal;

import com.leadline.platform.GenericPlanReads;
import com.leadline.platform.Tenancy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Sets {@code app.account_id} for each transaction as a transaction-local setting
 * ({@code set_config(..., true)}), never on the connection: a pooled connection must not carry one
 * account's setting into the next transaction. A {@link GenericPlanReads} transaction also gets its
 * plan cache mode in that same statement.
 */
class TenantTransactionManager extends JdbcTransactionManager {

    TenantTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        UUID account = Tenancy.currentAccount().orElse(null);
        boolean genericPlans = definition instanceof GenericPlanReads;
        if (account == null && !genericPlans) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.account_id', ?, true)"
                + (genericPlans ? ", set_config('plan_cache_mode', 'force_generic_plan', true)" : ""))) {
            statement.setString(1, account == null ? "" : account.toString());
            statement.execute();
        }
    }
}
