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
}
