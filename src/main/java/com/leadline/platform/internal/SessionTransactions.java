package com.leadline.platform.internal;

import com.leadline.platform.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How Spring Session's JDBC repository runs its statements. Its writes (a session row and its
 * attributes) each get a transaction of their own, as Spring Session does by default. Looking a session
 * up by id, done on every request, is a single SELECT (and, for an expired session, a single DELETE):
 * it runs without a BEGIN and a COMMIT around it, which would only add two round trips to the
 * database, unless the caller is inside a transaction already (then it keeps to its own, as a write does).
 */
final class SessionTransactions implements TransactionOperations {

    private static final ThreadLocal<Boolean> LOOKING_UP = new ThreadLocal<>();

    private final TransactionTemplate ownTransaction;

    SessionTransactions(PlatformTransactionManager transactionManager) {
        this.ownTransaction = Transactions.ownTransaction(transactionManager);
    }

    /** Runs a look-up by session id, whose statements need no transaction. */
    static <T> T lookUp(Supplier<T> lookUp) {
        LOOKING_UP.set(Boolean.TRUE);
        try {
            return lookUp.get();
        } finally {
            LOOKING_UP.remove();
        }
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        if (LOOKING_UP.get() != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
            return action.doInTransaction(new SimpleTransactionStatus(false));
        }
        return ownTransaction.execute(action);
    }
}
