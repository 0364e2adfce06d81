package com.leadline.platform;

import java.util.List;

/**
 * Items of the account menu that only some people get, each given by the module whose page it opens
 * (shown after Shortcuts, before Settings): a person who may not use a page finds no item for it.
 */
public interface ShellMenu {

    /** {@code path} within the application, e.g. {@code /settings/audit-log}. */
    record Item(String label, String path) {
    }

    List<Item> itemsFor(AuthenticatedUser user);

    /** Items shown after Your settings, before Sign out (Billing for the owner, as UI.md orders the menu); none by default. */
    default List<Item> closingItemsFor(AuthenticatedUser user) {
        return List.of();
    }
}
