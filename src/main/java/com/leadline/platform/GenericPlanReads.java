package com.leadline.platform;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only transactions whose statements PostgreSQL plans once per connection and then reuses
 * ({@code plan_cache_mode = force_generic_plan}, for the transaction only), for reads whose planning
 * costs more than their run. The transaction manager sets the mode in the same statement as the
 * account, so it costs no round trip of its own. Only for statements whose generic plans are known to
 * follow the same indexes as their custom plans (docs/BENCHMARKS.md shows the inbox pages').
 */
public final class GenericPlanReads extends TransactionTemplate {

    public GenericPlanReads(PlatformTransactionManager transactionManager) {
        super(transactionManager);
        setReadOnly(true);
    }
}
