package com.leadline.platform;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction templates that differ from the default one (read-write, joining the caller's
 * transaction or starting one), which Spring Boot provides as a bean. docs/adr/0004-transactions.md
 * says why transactions are written with templates.
 */
public final class Transactions {

    /**
     * A common table expression, named {@code relaxed}, that lets the statement's transaction commit
     * without waiting for the disk ({@code synchronous_commit} off until it ends). Name it in the
     * statement's FROM, or PostgreSQL does not run it. Only for rows whose loss in a crash of the
     * database (the last fraction of a second's commits) is harmless and said so where it is used.
     */
    public static final String RELAXED_COMMIT = "relaxed AS (SELECT set_config('synchronous_commit', 'off', true))";

    private Transactions() {
    }

    /** A read-only transaction, or the caller's transaction if one is running. */
    public static TransactionTemplate readOnly(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setReadOnly(true);
        return template;
    }

    /**
     * Only inside the caller's transaction, and an error without one: for writes that must commit or
     * roll back with the use case that causes them.
     */
    public static TransactionTemplate callersOnly(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
        return template;
    }

    /** Always a transaction of its own, committed or rolled back apart from the caller's. */
    public static TransactionTemplate ownTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
