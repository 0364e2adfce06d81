package com.leadline.platform;

import java.util.List;
import java.util.UUID;

/**
 * The shell's profile switcher: which profiles the signed-in user may see, and the one they chose
 * (kept in their session under {@link #CURRENT_PROFILE}; pages use it as their default profile).
 */
public interface ShellProfiles {

    String CURRENT_PROFILE = "leadline.currentProfile";

    record ShellProfile(UUID id, String name) {
    }

    List<ShellProfile> visibleTo(AuthenticatedUser user);
}
