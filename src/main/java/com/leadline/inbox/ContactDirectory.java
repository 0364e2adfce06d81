package com.leadline.inbox;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The contacts of the current account (row-level security applies) for other modules that replay them
 * (the integrations module's webhook "Sync now"), a page at a time in the order of their ids. It reads no
 * person's sight: the caller decides which profiles it may cover. Runs in the caller's transaction.
 */
public interface ContactDirectory {

    /**
     * Up to {@code limit} contacts of these profiles ({@code everyProfile}: of every profile of the account,
     * archived ones included, and {@code profileIds} is ignored) whose id comes after {@code after} (null: from
     * the first), by id.
     */
    List<ContactFacts> page(Set<UUID> profileIds, boolean everyProfile, UUID after, int limit);
}
