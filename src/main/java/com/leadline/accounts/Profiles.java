package com.leadline.accounts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The profiles of the account the current transaction works for. Writes need that transaction. */
public interface Profiles {

    record ProfileSummary(UUID id, String name) {
    }

    enum Plan {
        PRO("Pro"), PREMIUM("Premium");

        private final String label;

        Plan(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record OpeningHours(LocalTime opens, LocalTime closes) {
    }

    /** What an editor may change; {@code hours} lists the open weekdays only. */
    record Settings(String name, String buttonName, boolean showInLeadbox, String timezone,
                    Map<DayOfWeek, OpeningHours> hours) {
    }

    /**
     * How the profile texts: its country (ISO 3166 alpha-2, the default region of phone numbers typed
     * without +), the answer to a HELP text, and its sending number in E.164 form (null until set).
     */
    record Texting(String country, String helpText, String phoneNumber) {
    }

    record Profile(UUID id, Settings settings, Plan plan, Instant createdAt, Instant archivedAt, Texting texting) {

        public boolean archived() {
            return archivedAt != null;
        }
    }

    /** Profiles in use (not archived), for pickers. */
    List<ProfileSummary> all();

    /** Every profile, archived ones included, by name. */
    List<Profile> everyProfile();

    Optional<Profile> find(UUID profileId);

    UUID create(UUID accountId, Settings settings, Instant now);

    void update(UUID profileId, Settings settings);

    void changePlan(UUID profileId, Plan plan);

    void archive(UUID profileId, Instant now);

    void restore(UUID profileId);

    void updateTexting(UUID profileId, String country, String helpText);

    /**
     * Gives the profile {@code phoneNumber} (E.164), or no number with null, in the caller's
     * transaction. False, and nothing changed, when another profile of any account has that number.
     */
    boolean assignNumber(UUID profileId, String phoneNumber, Instant now);
}
