package com.leadline.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The shell's account switcher, for people who work in several accounts (partner agencies' users). */
public interface ShellAccounts {

    record AccountChoice(UUID id, String name, boolean current) {
    }

    /** Empty for people who work in one account only. */
    List<AccountChoice> choicesFor(AuthenticatedUser user);

    /**
     * Why the user may only look in the account they work in (a partner whose agency the client set to
     * Read only), for the shell's notice and the tooltips of the controls shown disabled; empty otherwise.
     */
    default Optional<String> readOnlyReasonFor(AuthenticatedUser user) {
        return Optional.empty();
    }
}
