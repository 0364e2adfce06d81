package com.leadline.platform.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sessions in PostgreSQL (the {@code SPRING_SESSION} tables of V7), shared by every server node,
 * seen through {@link SparingSessionRepository}; {@link SessionTransactions} says which of their
 * statements get a transaction. Declared here rather than left to Spring Boot, which steps back as
 * soon as the application has a session repository of its own; so the idle timeout is applied here too.
 */
@Configuration(proxyBeanMethods = false)
@Import(JdbcHttpSessionConfiguration.class)
class SessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> idleTimeout(@Value("${spring.session.timeout}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /**
     * A session attribute first set by two requests at once (the client address of a session signed in before it was
     * kept, a handle given while its user lists their sessions) is written by both, the later winning, instead of the
     * second INSERT failing on the attribute's primary key.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpserts() {
        return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** Spring Session asks for this bean by its name; nothing else gets it. */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        return new SessionTransactions(transactionManager);
    }

    @Bean
    @Primary
    SparingSessionRepository sparingSessionRepository(JdbcIndexedSessionRepository sessions,
            @Value("${leadline.session.last-access-granularity:1m}") Duration granularity) {
        return new SparingSessionRepository(sessions, granularity);
    }
}
