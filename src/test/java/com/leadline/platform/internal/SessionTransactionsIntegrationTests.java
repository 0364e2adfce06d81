package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Which of Spring Session's statements get a transaction of their own. */
class SessionTransactionsIntegrationTests extends IntegrationTest {

    @Autowired
    @Qualifier("springSessionTransactionOperations")
    private TransactionOperations sessionStatements;
    @Autowired
    private TransactionTemplate transactions;

    private Long transactionId() {
        return jdbc.sql("SELECT txid_current()").query(Long.class).single();
    }

    @Test
    void aLookUpByIdRunsWithoutATransactionAndEverythingElseInItsOwn() {
        Boolean lookUpInTransaction = SessionTransactions.lookUp(() -> sessionStatements.execute(status ->
                TransactionSynchronizationManager.isActualTransactionActive()));
        Boolean otherInTransaction = sessionStatements.execute(status -> TransactionSynchronizationManager.isActualTransactionActive());
        assertThat(lookUpInTransaction).isFalse();
        assertThat(otherInTransaction).isTrue();
    }

    @Test
    void insideACallersTransactionALookUpStillKeepsToATransactionOfItsOwn() {
        long[] ids = transactions.execute(status -> {
            long callers = transactionId();
            long lookUps = SessionTransactions.lookUp(() -> sessionStatements.execute(inner -> transactionId()));
            long writes = sessionStatements.execute(inner -> transactionId());
            return new long[] {callers, lookUps, writes};
        });
        assertThat(ids[1]).isNotEqualTo(ids[0]);
        assertThat(ids[2]).isNotEqualTo(ids[0]).isNotEqualTo(ids[1]);
    }
}
