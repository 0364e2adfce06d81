package com.leadline.leadbox.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The widgets public requests found lately, by key, for a few seconds ({@code leadline.leadbox.widget-cache}):
 * a busy website's visitors then cost no database read of the Leadbox and its profiles each. A change
 * to an account's Leadboxes through this node forgets that account's widgets once it commits; other
 * changes (on another node, or to a profile: archived, renamed, its hours or its "show in Leadbox")
 * reach the widget when the entry expires. A key that finds no widget is remembered too, so a
 * Leadbox turned off stays off for everyone at once.
 */
@Component
class RecentWidgets {

    static final int MOST = 10_000;

    private record Entry(UUID accountId, Optional<Widget> widget, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long lifetimeNanos;

    RecentWidgets(@Value("${leadline.leadbox.widget-cache}") Duration lifetime) {
        this.lifetimeNanos = lifetime.toNanos();
    }

    /**
     * The key's widget as found within the lifetime, or as {@code find} finds it now (in {@code accountId}).
     * Expiry runs on the machine's monotonic time, not the application clock, which tests move.
     */
    Optional<Widget> get(String widgetKey, UUID accountId, Supplier<Optional<Widget>> find) {
        long now = System.nanoTime();
        Entry known = entries.get(widgetKey);
        if (known != null && known.accountId().equals(accountId) && now - known.expiresAtNanos() < 0) {
            return known.widget();
        }
        Optional<Widget> found = find.get();
        if (lifetimeNanos > 0) {
            if (entries.size() >= MOST) {
                entries.clear();
            }
            entries.put(widgetKey, new Entry(accountId, found, now + lifetimeNanos));
        }
        return found;
    }

    /**
     * The account's Leadboxes change in the current transaction: its widgets are forgotten now and
     * again after the commit (a request between the two could have cached what the commit replaces).
     */
    void forgetAccount(UUID accountId) {
        forget(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(accountId);
                }
            });
        }
    }

    private void forget(UUID accountId) {
        entries.values().removeIf(entry -> entry.accountId().equals(accountId));
    }
}
