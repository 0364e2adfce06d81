package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.platform.GenericPlanReads;
import com.leadline.platform.Tenancy;
import com.leadline.testing.IntegrationTest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenant isolation in the database itself, seen as the application's own role. */
class RowLevelSecurityIntegrationTests extends IntegrationTest {

    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String appRole;
    @Value("${spring.datasource.password}")
    String appPassword;

    /** Connections as the application's role, in a pool of their own. */
    private HikariDataSource appRolePool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(appRole);
        config.setPassword(appPassword);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private List<String> tenantTables() {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind = 'r'
                          AND (c.relname = 'accounts' OR EXISTS (
                               SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped))
                        ORDER BY 1""")
                .query(String.class).list();
    }

    @Test
    void everyTableWithAnAccountIdHasRowLevelSecurityEnabledAndForced() {
        List<Map<String, Object>> tables = jdbc.sql("""
                        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                               (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relname = ANY (:tables)""")
                .param("tables", tenantTables().toArray(String[]::new))
                .query().listOfRows();
        assertThat(tables).extracting(row -> row.get("relname")).contains(
                "accounts", "users", "profiles", "account_members", "profile_memberships", "billing_accounts",
                "password_reset_tokens", "audit_log");
        assertThat(tables).allSatisfy(row -> {
            assertThat(row.get("relrowsecurity")).as("RLS on %s", row.get("relname")).isEqualTo(true);
            assertThat(row.get("relforcerowsecurity")).as("FORCE RLS on %s", row.get("relname")).isEqualTo(true);
            assertThat((Long) row.get("policies")).as("policies on %s", row.get("relname")).isPositive();
        });
    }

    @Test
    void theApplicationRoleIsNeitherSuperuserNorBypassesRowLevelSecurity() {
        Map<String, Object> role = jdbc.sql("SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query().singleRow();
        assertThat(role.get("name")).isEqualTo(appRole).isEqualTo("leadline_app");
        assertThat(role.get("rolsuper")).isEqualTo(false);
        assertThat(role.get("rolbypassrls")).isEqualTo(false);
    }

    @Test
    void withNoAccountSetEveryTenantTableLooksEmpty() {
        visitor().signUp("Visible Co", "Vi Sible", uniqueEmail("a"), PASSWORD);
        JdbcClient admin = databaseOwner();
        for (String table : tenantTables()) {
            if (List.of("texting_numbers", "leadbox_keys").contains(table)) {
                // The registries of numbers (V42) and widget keys (V45) are not the application's to read at all: only their lookup functions are.
                assertThat(jdbc.sql("SELECT has_table_privilege(current_user, :table, 'SELECT')").param("table", table)
                        .query(Boolean.class).single()).as(table).isFalse();
                continue;
            }
            if (List.of("accounts", "users", "profiles", "account_members", "profile_memberships", "billing_accounts").contains(table)) {
                assertThat(admin.sql("SELECT count(*) FROM " + table).query(Long.class).single())
                        .as("rows really exist in %s", table).isPositive();
            }
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + (table.equals("audit_log") ? " WHERE account_id IS NOT NULL" : ""))
                    .query(Long.class).single()).as("rows the app role sees in %s", table).isZero();
        }
    }

    @Test
    void aTransactionCannotWriteIntoAnotherAccount() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, appRole, appPassword);
        TransactionTemplate transactions = new TransactionTemplate(new TenantTransactionManager(dataSource));
        JdbcClient db = JdbcClient.create(dataSource);
        Tenancy.bindToThread(mine);
        try {
            transactions.executeWithoutResult(status -> {
                db.sql("INSERT INTO accounts (id, name, created_at) VALUES (:id, 'Mine', now())").param("id", mine).update();
                status.setRollbackOnly();
            });
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                            db.sql("INSERT INTO accounts (id, name, created_at) VALUES (:id, 'Other', now())")
                                    .param("id", theirs).update()))
                    .rootCause().hasMessageContaining("new row violates row-level security policy");
        } finally {
            Tenancy.clearThread();
        }
    }

    /** V53: an audit entry may name the profile it is about, but only one of its own account; and it stays as written. */
    @Test
    void anAuditEntryNamesOnlyAProfileOfItsOwnAccountAndIsNeverChanged() {
        String emailA = uniqueEmail("a");
        String emailB = uniqueEmail("b");
        visitor().signUp("Audit Alpha", "Al Pha", emailA, PASSWORD);
        visitor().signUp("Audit Beta", "Be Ta", emailB, PASSWORD);
        JdbcClient admin = databaseOwner();
        UUID accountA = admin.sql("SELECT account_id FROM users WHERE email = :e").param("e", emailA).query(UUID.class).single();
        UUID accountB = admin.sql("SELECT account_id FROM users WHERE email = :e").param("e", emailB).query(UUID.class).single();
        UUID profileA = admin.sql("SELECT id FROM profiles WHERE account_id = :a").param("a", accountA).query(UUID.class).single();
        UUID profileB = admin.sql("SELECT id FROM profiles WHERE account_id = :a").param("a", accountB).query(UUID.class).single();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, appRole, appPassword);
        TransactionTemplate transactions = new TransactionTemplate(new TenantTransactionManager(dataSource));
        JdbcClient db = JdbcClient.create(dataSource);
        String insert = """
                INSERT INTO audit_log (account_id, occurred_at, action, outcome, profile_id)
                VALUES (:a, now(), 'profile.edited', 'success', :p)""";
        Tenancy.bindToThread(accountA);
        try {
            Integer written = transactions.execute(status -> {
                int rows = db.sql(insert).param("a", accountA).param("p", profileA).update();
                status.setRollbackOnly();
                return rows;
            });
            assertThat(written).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                            db.sql(insert).param("a", accountA).param("p", profileB).update()))
                    .rootCause().hasMessageContaining("new row violates row-level security policy");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                            db.sql("UPDATE audit_log SET profile_id = NULL WHERE account_id = :a").param("a", accountA).update()))
                    .rootCause().hasMessageContaining("permission denied");
        } finally {
            Tenancy.clearThread();
        }
    }

    @Test
    void genericPlanReadsGetTheirPlanModeWithTheirAccountAndLeaveTheConnectionAsItWas() {
        UUID account = UUID.randomUUID();
        try (HikariDataSource pool = appRolePool(1)) {
            TenantTransactionManager manager = new TenantTransactionManager(pool);
            TransactionTemplate genericPlans = new GenericPlanReads(manager);
            TransactionTemplate plain = new TransactionTemplate(manager);
            JdbcClient db = JdbcClient.create(pool);
            Supplier<String> settings = () -> db.sql("""
                            SELECT current_setting('plan_cache_mode') || ' ' || coalesce(current_setting('app.account_id', true), '')
                                   || ' ' || current_setting('transaction_read_only')""")
                    .query(String.class).single();
            Tenancy.bindToThread(account);
            String genericWithAccount;
            String plainWithAccount;
            try {
                genericWithAccount = genericPlans.execute(status -> settings.get());
                plainWithAccount = plain.execute(status -> settings.get());
            } finally {
                Tenancy.clearThread();
            }
            String genericWithoutAccount = genericPlans.execute(status -> settings.get());
            assertThat(genericWithAccount).isEqualTo("force_generic_plan " + account + " on");
            assertThat(plainWithAccount).isEqualTo("auto " + account + " off");
            assertThat(genericWithoutAccount).isEqualTo("force_generic_plan  on");
            assertThat(settings.get()).isEqualTo("auto  off");
        }
    }

    @Test
    void aThousandInterleavedTransactionsOnTwoPooledConnectionsNeverSeeEachOthersRows() throws Exception {
        String emailA = uniqueEmail("a");
        String emailB = uniqueEmail("b");
        visitor().signUp("Alpha Account", "Al Pha", emailA, PASSWORD);
        visitor().signUp("Beta Account", "Be Ta", emailB, PASSWORD);
        JdbcClient admin = databaseOwner();
        UUID accountA = admin.sql("SELECT account_id FROM users WHERE email = :e").param("e", emailA).query(UUID.class).single();
        UUID accountB = admin.sql("SELECT account_id FROM users WHERE email = :e").param("e", emailB).query(UUID.class).single();

        try (HikariDataSource pool = appRolePool(2)) {
            TransactionTemplate transactions = new TransactionTemplate(new TenantTransactionManager(pool));
            JdbcClient db = JdbcClient.create(pool);
            ExecutorService workers = Executors.newFixedThreadPool(4);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                UUID account = i % 3 == 2 ? null : (i % 3 == 0 ? accountA : accountB);
                results.add(workers.submit(() -> {
                    if (account != null) {
                        Tenancy.bindToThread(account);
                    }
                    try {
                        return transactions.execute(status -> {
                            List<UUID> seen = db.sql("""
                                            SELECT account_id FROM users UNION ALL SELECT account_id FROM profiles
                                            UNION ALL SELECT id FROM accounts UNION ALL SELECT account_id FROM billing_accounts""")
                                    .query(UUID.class).list();
                            String setting = db.sql("SELECT coalesce(current_setting('app.account_id', true), '')")
                                    .query(String.class).single();
                            if (account == null) {
                                return seen.isEmpty() && setting.isEmpty() ? "ok" : "leak without account: " + seen;
                            }
                            boolean onlyOwn = seen.size() == 4 && seen.stream().allMatch(account::equals);
                            return onlyOwn && setting.equals(account.toString()) ? "ok" : "leak for " + account + ": " + seen;
                        });
                    } finally {
                        Tenancy.clearThread();
                    }
                }));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("ok");
            }
            workers.shutdown();
            // Outside any transaction, on the same pooled connections: no setting survived.
            for (int i = 0; i < 4; i++) {
                assertThat(db.sql("SELECT count(*) FROM users").query(Long.class).single()).isZero();
            }
        }
    }
}
