package com.leadline.team;

import java.util.Locale;
import java.util.Optional;

/**
 * Account-wide roles, highest first. The owner is also an admin in every respect but billing and
 * ownership. The partner roles are never stored on a member: they are how a partner agency's user
 * acts in a client account, at the level of the agency's grant.
 */
public enum Role {
    OWNER("Owner", 3), ADMIN("Admin", 2), PARTNER_ADMIN("Partner (Admin)", 2), MEMBER("Team member", 1),
    PARTNER_READ_ONLY("Partner (Read only)", 0);

    private final String label;
    private final int rank;

    Role(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    public boolean isAtMost(Role other) {
        return rank <= other.rank;
    }

    public boolean isPartner() {
        return this == PARTNER_ADMIN || this == PARTNER_READ_ONLY;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return Role.valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** A role a person may give someone else: never owner (ownership is not transferable). */
    public static Optional<Role> grantable(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "admin" -> Optional.of(ADMIN);
            case "member" -> Optional.of(MEMBER);
            default -> Optional.empty();
        };
    }
}
