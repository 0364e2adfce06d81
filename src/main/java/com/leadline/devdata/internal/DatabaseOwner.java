package com.leadline.devdata.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A connection as the database owner (Flyway's user), past row-level security: how the benchmark
 * generator writes a whole account at once. Never used to serve requests.
 */
record DatabaseOwner(JdbcClient jdbc, TransactionTemplate transactions) {

    static DatabaseOwner connect(String url, String user, String password) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        return new DatabaseOwner(JdbcClient.create(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
