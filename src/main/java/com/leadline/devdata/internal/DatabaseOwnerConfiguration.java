package com.leadline.devdata.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The benchmark generator's connection as the database owner: Flyway's user, only ever on the embedded database. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "leadline.embedded-database.active", havingValue = "true")
class DatabaseOwnerConfiguration {

    @Bean
    DatabaseOwner databaseOwner(@Value("${spring.flyway.url}") String url, @Value("${spring.flyway.user}") String user,
                                @Value("${spring.flyway.password:}") String password) {
        return DatabaseOwner.connect(url, user, password);
    }
}
