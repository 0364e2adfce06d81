package com.leadline.platform;

import java.util.List;
import java.util.UUID;

/** The shell's account switcher, for people who work in several accounts (partner agencies' users). */
public interface ShellAccounts {

    record AccountChoice(UUID id, String name, boolean current) {
    }

    /** Empty for people who work in one account only. */
    List<AccountChoice> choicesFor(AuthenticatedUser user);
}
