package com.leadline.inbox.internal.preference;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a person uses the inbox's single-key shortcuts (j, k, Enter, r, n, a, e, ?): on unless they
 * turned them off in their own settings (WCAG 2.1.4). The choice is kept in the person's home account, so a
 * partner user's follows them into every client account.
 */
@Service
public class KeyboardPreferences {

    /** The form field, and the one value a checked box sends; an unchecked box sends nothing. */
    public static final String FIELD = "keyboardShortcuts";
    private static final String CHECKED = "on";

    private final PreferenceStore store;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final Clock clock;

    KeyboardPreferences(PreferenceStore store, Tenancy tenancy, TransactionTemplate transactions,
                        PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.reads = Transactions.readOnly(transactionManager);
        this.clock = clock;
    }

    /** On by default. */
    public boolean shortcutsOn(AuthenticatedUser user) {
        return Boolean.TRUE.equals(reads.execute(status -> tenancy.inAccount(user.homeAccountId(),
                () -> store.keyboardShortcuts(user.userId()).orElse(true))));
    }

    /**
     * Turns the shortcuts on ({@code "on"}, a checked box) or off (no value, an unchecked box).
     *
     * @throws InvalidInputException for any other value, with nothing changed
     */
    public boolean choose(AuthenticatedUser user, String value) {
        boolean on = parse(value);
        transactions.executeWithoutResult(status -> tenancy.inAccount(user.homeAccountId(),
                () -> store.saveKeyboardShortcuts(user.homeAccountId(), user.userId(), on, clock.instant())));
        return on;
    }

    private static boolean parse(String value) {
        if (value == null) {
            return false;
        }
        if (value.equals(CHECKED)) {
            return true;
        }
        throw new InvalidInputException(Map.of(FIELD, "Choose whether to use single-key shortcuts: tick the box, or leave it empty."));
    }
}
