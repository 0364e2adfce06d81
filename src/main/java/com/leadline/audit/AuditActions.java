package com.leadline.audit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every action the audit log records, with the words the account's audit log shows for it and the
 * group it belongs to. A new action is added here in the same change that records it
 * ({@code AuditActionsTests} reads the sources for every recorded action): an action missing here
 * would be shown by its code and only to those who see every entry of the account.
 */
public final class AuditActions {

    /** What an entry is about, broadly: who may read it depends on this (and on the entry's profile). */
    public enum Group {
        SIGN_IN("Sign-in, passwords and API tokens"),
        TEAM("Team"),
        PARTNERS("Partners"),
        SETTINGS("Account and settings"),
        PROFILES("Profiles"),
        LEADBOX("Leadbox"),
        BILLING("Billing"),
        SUPPORT("Leadline support"),
        OTHER("Other");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Action(String code, String label, Group group) {
    }

    private static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

    static {
        add(Group.SIGN_IN, "sign_in", "Sign-in");
        add(Group.SIGN_IN, "sign_in.throttled", "Sign-in throttled");
        add(Group.SIGN_IN, "sign_in.ip_throttled", "Sign-ins from an address throttled");
        add(Group.SIGN_IN, "sign_up.address_in_use", "Sign-up with an address in use");
        add(Group.SIGN_IN, "password_reset.requested", "Password reset requested");
        add(Group.SIGN_IN, "password_reset.completed", "Password reset");
        add(Group.SIGN_IN, "password.changed", "Password changed");
        // Personal API tokens (issue 18) are credentials, like passwords.
        add(Group.SIGN_IN, "api_token.created", "API token created");
        add(Group.SIGN_IN, "api_token.revoked", "API token revoked");
        // A person's own settings page (issue 19): ending one of their other sessions, or all of them.
        add(Group.SIGN_IN, "session.signed_out", "Another session signed out");
        add(Group.SIGN_IN, "session.others_signed_out", "All other sessions signed out");
        add(Group.TEAM, "invitation.sent", "Invitation sent");
        add(Group.TEAM, "invitation.resent", "Invitation resent");
        add(Group.TEAM, "invitation.cancelled", "Invitation cancelled");
        add(Group.TEAM, "invitation.accepted", "Invitation accepted");
        add(Group.TEAM, "user.edited", "Person edited");
        add(Group.TEAM, "user.renamed", "Own name changed");
        add(Group.TEAM, "user.role_changed", "Role changed");
        add(Group.TEAM, "user.memberships_changed", "Profiles changed");
        add(Group.TEAM, "user.deactivated", "Person deactivated");
        add(Group.TEAM, "user.reactivated", "Person reactivated");
        add(Group.PARTNERS, "partner.grant_created", "Partner access given");
        add(Group.PARTNERS, "partner.level_changed", "Partner access level changed");
        add(Group.PARTNERS, "support.partner_access_ended", "Partner access ended by support");
        add(Group.SETTINGS, "sign_up", "Account opened");
        add(Group.SETTINGS, "partner.sign_up", "Agency opened");
        add(Group.SETTINGS, "audit_log.exported", "Audit log exported");
        // Outgoing webhooks (issue 18): an account's settings; the secret itself is never recorded.
        add(Group.SETTINGS, "webhook.created", "Webhook endpoint added");
        add(Group.SETTINGS, "webhook.changed", "Webhook endpoint changed");
        add(Group.SETTINGS, "webhook.enabled", "Webhook endpoint enabled");
        add(Group.SETTINGS, "webhook.disabled", "Webhook endpoint disabled");
        add(Group.SETTINGS, "webhook.secret_rotated", "Webhook signing secret rotated");
        add(Group.SETTINGS, "webhook.test_sent", "Webhook test event sent");
        add(Group.SETTINGS, "webhook.sync_started", "Webhook contacts sync started");
        add(Group.SETTINGS, "webhook.resent", "Webhook delivery resent");
        // The contacts import (issue 18): recorded about the profile the contacts went to.
        add(Group.SETTINGS, "contact_import.started", "Contacts import started");
        add(Group.SETTINGS, "contact_import.finished", "Contacts import finished");
        add(Group.PROFILES, "profile.created", "Profile added");
        add(Group.PROFILES, "profile.edited", "Profile edited");
        add(Group.PROFILES, "profile.archived", "Profile archived");
        add(Group.PROFILES, "profile.restored", "Profile restored");
        add(Group.PROFILES, "profile.texting_changed", "Texting settings changed");
        add(Group.PROFILES, "profile.auto_replies_changed", "Auto replies changed");
        add(Group.LEADBOX, "leadbox.changed", "Leadbox changed");
        add(Group.LEADBOX, "leadbox.form_dropped", "Leadbox form dropped");
        add(Group.BILLING, "profile.plan_changed", "Plan changed");
        add(Group.BILLING, "billing.account_changed", "Billing details changed");
        add(Group.SUPPORT, "support.user_viewed", "Person looked up by support");
        add(Group.SUPPORT, "support.agency_created", "Agency opened by support");
        add(Group.SUPPORT, "support.sign_in", "Support sign-in");
        add(Group.SUPPORT, "support.second_factor_enrolled", "Support authenticator set up");
        add(Group.SUPPORT, "support.second_factor_locked", "Support code step locked");
    }

    private AuditActions() {
    }

    private static void add(Group group, String code, String label) {
        if (ACTIONS.put(code, new Action(code, label, group)) != null) {
            throw new IllegalStateException("Audit action listed twice: " + code);
        }
    }

    /** Every known action, grouped, in the order above. */
    public static List<Action> all() {
        return List.copyOf(ACTIONS.values());
    }

    public static Optional<Action> find(String code) {
        return Optional.ofNullable(code == null ? null : ACTIONS.get(code));
    }

    /** The action's words, or its code for one not listed here. */
    public static String labelOf(String code) {
        return find(code).map(Action::label).orElse(code);
    }

    public static Group groupOf(String code) {
        return find(code).map(Action::group).orElse(Group.OTHER);
    }

    /** The codes of the actions in these groups. */
    public static Set<String> codesIn(Set<Group> groups) {
        Set<Group> wanted = groups.isEmpty() ? EnumSet.noneOf(Group.class) : EnumSet.copyOf(groups);
        Set<String> codes = new java.util.LinkedHashSet<>();
        ACTIONS.values().stream().filter(action -> wanted.contains(action.group())).forEach(action -> codes.add(action.code()));
        return Collections.unmodifiableSet(codes);
    }
}
