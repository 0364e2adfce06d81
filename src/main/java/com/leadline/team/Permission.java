package com.leadline.team;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do: the code form of PERMISSIONS.md (rows 3-11a, 14-24, 27-29 and 31 so far). "own" rows are further
 * limited to the actor's profiles by {@link Actor#canManageProfile}.
 */
public enum Permission {
    /** Row 3: view the Team page and member list. */
    VIEW_TEAM,
    /** Rows 4-5: invite a user (admin or team member), to one profile or all of the actor's. */
    INVITE_USERS,
    /** Row 6: resend or cancel an invitation. */
    MANAGE_INVITATIONS,
    /** Row 7: edit a user's name, email, role and memberships. */
    EDIT_USERS,
    /** Rows 8-9: deactivate a user and hand over their conversations. */
    DEACTIVATE_USERS,
    /** Row 14: add a profile. */
    ADD_PROFILES,
    /** Row 15: edit a profile's name, button name, Leadbox toggle, timezone, hours; archive it. */
    EDIT_PROFILES,
    /** Row 19: edit a profile's auto replies (new lead, after hours). */
    EDIT_AUTO_REPLIES,
    /** Row 17: edit a profile's Leadbox and the account's multi-profile Leadbox. */
    EDIT_LEADBOX,
    /** Row 18: read and copy the embed code of the Leadboxes the actor sees. */
    COPY_EMBED_CODE,
    /** Row 16: change a profile's plan (billing is the owner's alone). */
    CHANGE_PLANS,
    /** Row 11: switch a partner agency between Admin and Read only. */
    SWITCH_PARTNER_LEVEL,
    /** Row 11a: give a partner agency access with its agency code (the owner alone; ending access is support's, row 12). */
    GRANT_PARTNER_ACCESS,
    /** Rows 28-29: reply, note, close, reopen, assign and transfer a conversation the actor sees. */
    WORK_CONVERSATIONS,
    /** Rows 22-23: keep personal shortcuts and use the shared ones of the actor's profiles. */
    USE_SHORTCUTS,
    /** Row 24: add, change and remove the shared shortcuts of the actor's profiles. */
    EDIT_SHARED_SHORTCUTS,
    /** Rows 9 and 27: move many conversations at once, e.g. everything a deactivated user still holds. */
    BULK_TRANSFER,
    /**
     * Row 20: configure and sync integrations (webhook endpoints, contacts import); an admin covers only
     * their own profiles with them, the owner and partner admins any.
     */
    CONFIGURE_INTEGRATIONS,
    /** Row 21: download the contacts of the actor's profiles as CSV. */
    EXPORT_CONTACTS,
    /**
     * Row 31: read (and download) the account's audit log; an admin reads the account-wide entries of the
     * team, partners and settings and those about their own profiles (see the team module's audit log reader).
     */
    READ_AUDIT_LOG;

    static Set<Permission> of(Role role) {
        return switch (role) {
            case OWNER -> EnumSet.allOf(Permission.class);
            case ADMIN -> EnumSet.complementOf(EnumSet.of(CHANGE_PLANS, GRANT_PARTNER_ACCESS));
            // Admin powers over every profile of the client, but not billing, ownership or partner access.
            case PARTNER_ADMIN -> EnumSet.complementOf(EnumSet.of(CHANGE_PLANS, GRANT_PARTNER_ACCESS, SWITCH_PARTNER_LEVEL));
            case MEMBER -> EnumSet.of(VIEW_TEAM, WORK_CONVERSATIONS, USE_SHORTCUTS, COPY_EMBED_CODE);
            // BULK_TRANSFER, EXPORT_CONTACTS and the rest of the admin set reach partner admins through complementOf above.
            case PARTNER_READ_ONLY -> EnumSet.of(VIEW_TEAM, COPY_EMBED_CODE, READ_AUDIT_LOG);
        };
    }
}
