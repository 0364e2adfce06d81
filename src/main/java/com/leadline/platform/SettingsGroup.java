package com.leadline.platform;

import java.util.List;

/**
 * Groups of the account's Settings area ({@code /settings}), each given by the module that keeps those settings
 * (team, profiles, leadbox, inbox, integrations, identity; billing), so the area's page knows none of them and no
 * rule is restated in its template. A module answers, for the signed-in person, the groups they may open and how:
 * a group they may not open is simply not returned. The page shows every module's groups sorted by {@link Entry#order}.
 */
public interface SettingsGroup {

    /** How the person may use a group: change what is there, or (a read-only partner) only read it. */
    enum Access {
        /** Opened and changed. */
        OPEN,
        /** Read only: the link still reads the page, the group's change control is disabled with the shell's readOnlyReason. */
        READ_ONLY
    }

    /**
     * One group as the area lists it.
     *
     * @param name        the group's name ("Team"), its heading
     * @param description one line saying what is there
     * @param path        the page within the application that holds it, e.g. {@code /team}
     * @param order       where it stands in the area (lower first; see {@link Place})
     */
    record Entry(String name, String description, String path, int order, Access access) {
    }

    /**
     * The places of the known groups, so each module's entry lands where the area's reader expects it: the person's own
     * settings first, then the account's settings from who works here to what it costs.
     */
    final class Place {
        public static final int YOUR_SETTINGS = 0;
        public static final int TEAM = 10;
        public static final int PROFILES = 20;
        public static final int LEADBOX = 30;
        public static final int AUTO_REPLIES = 40;
        public static final int PHONE_NUMBERS = 50;
        public static final int SHORTCUTS = 60;
        public static final int INTEGRATIONS = 70;
        public static final int AUDIT_LOG = 80;
        public static final int BILLING = 90;

        private Place() {
        }
    }

    /** The groups of this module that {@code user} may open in the account they work in now (none: an empty list). */
    List<Entry> groupsFor(AuthenticatedUser user);
}
