package com.leadline.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which account the current thread works for. The transaction manager copies it into the
 * transaction-local setting {@code app.account_id} when a transaction begins, and every
 * row-level security policy compares tenant rows against that setting. With no account set, no
 * tenant row is visible.
 *
 * <p>Requests get their account from the signed-in user (see the tenant filter). Flows that learn
 * the account only inside a transaction (a token lookup, a new sign-up) use {@link #inAccount},
 * which also applies the setting to the transaction already running.
 */
@Component
public class Tenancy {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();
    private static final String SET_ACCOUNT = "SELECT set_config('app.account_id', :account, true)";

    private final JdbcClient jdbc;

    Tenancy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static Optional<UUID> currentAccount() {
        return Optional.ofNullable(CURRENT.get());
    }

    public <T> T inAccount(UUID accountId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        enter(accountId);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failed) {
            try {
                enter(previous);
            } catch (RuntimeException abortedTransaction) {
                // After a failed statement the database refuses every other until rollback: the first failure is the one to tell.
                CURRENT.set(previous);
                if (previous == null) {
                    CURRENT.remove();
                }
                failed.addSuppressed(abortedTransaction);
            }
            throw failed;
        }
        enter(previous);
        return result;
    }

    public void inAccount(UUID accountId, Runnable work) {
        inAccount(accountId, () -> {
            work.run();
            return null;
        });
    }

    private void enter(UUID accountId) {
        // A transaction carries the thread's account from its start (nothing binds one inside a transaction).
        boolean alreadyThere = java.util.Objects.equals(CURRENT.get(), accountId);
        if (accountId == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(accountId);
        }
        if (!alreadyThere && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql(SET_ACCOUNT).param("account", accountId == null ? "" : accountId.toString()).query().singleValue();
        }
    }

    /** For the request filter, outside any transaction: binds the signed-in user's account for the whole request. */
    public static void bindToThread(UUID accountId) {
        CURRENT.set(accountId);
    }

    public static void clearThread() {
        CURRENT.remove();
    }
}
