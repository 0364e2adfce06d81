package com.leadline.platform;

import java.util.OptionalInt;

/** The shell's Inbox link and its unread badge: how many conversations the user may see are unread for them. */
public interface ShellInbox {

    /** Empty for someone without an inbox in the account they work in (an agency's own account, support staff). */
    OptionalInt unreadFor(AuthenticatedUser user);
}
