package com.leadline.team.internal;

import com.leadline.team.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Roles, profile memberships and invitations of the current account (row-level security applies). */
@Repository
class TeamStore {

    private final JdbcClient jdbc;

    TeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Invitation(UUID id, UUID userId, String email, Instant sentAt, Instant expiresAt, UUID invitedBy) {
    }

    /** Across accounts, through the lookup function: the account an invitation link belongs to. */
    Optional<UUID> invitationAccount(byte[] tokenHash) {
        return jdbc.sql("SELECT team_find_invitation_account(:hash)").param("hash", tokenHash).query(UUID.class).optional();
    }

    Optional<Role> roleOf(UUID userId) {
        return jdbc.sql("SELECT role FROM account_members WHERE user_id = :user")
                .param("user", userId).query(String.class).optional().map(Role::fromCode);
    }

    void addMember(UUID accountId, UUID userId, Role role, Instant now) {
        jdbc.sql("INSERT INTO account_members (account_id, user_id, role, created_at) VALUES (:a, :u, :r, :now)")
                .param("a", accountId).param("u", userId).param("r", role.code()).param("now", Timestamp.from(now)).update();
    }

    void changeRole(UUID userId, Role role) {
        jdbc.sql("UPDATE account_members SET role = :r WHERE user_id = :u AND role <> 'owner'")
                .param("r", role.code()).param("u", userId).update();
    }

    void removeMember(UUID userId) {
        jdbc.sql("DELETE FROM profile_memberships WHERE user_id = :u").param("u", userId).update();
        jdbc.sql("DELETE FROM account_members WHERE user_id = :u").param("u", userId).update();
    }

    Set<UUID> memberProfiles(UUID userId) {
        return Set.copyOf(jdbc.sql("SELECT profile_id FROM profile_memberships WHERE user_id = :u")
                .param("u", userId).query(UUID.class).list());
    }

    private static final String PROFILES_IN_USE = "SELECT id FROM profiles WHERE archived_at IS NULL";

    /** The profiles in use (not archived): the owner works in all of them. */
    Set<UUID> allProfiles() {
        return Set.copyOf(jdbc.sql(PROFILES_IN_USE).query(UUID.class).list());
    }

    /**
     * A user's place in the account: their role (none for partner users), whether the account has
     * profiles in use, and those of them the user is a member of. One query, as it is read on every
     * request; the list of all profiles, which only those who work in every one need, is
     * {@link #allProfiles} (decoding it here for everyone cost more than the rest of the query).
     * Archived profiles are left out with NOT EXISTS: joined, the profiles were read whole, each row
     * through the tenant policy; this way PostgreSQL tests "archived" first and the policy on none.
     */
    record Standing(Optional<Role> role, boolean hasProfilesInUse, Set<UUID> memberProfiles) {
    }

    Standing standingOf(UUID userId) {
        return jdbc.sql("""
                        SELECT (SELECT role FROM account_members WHERE user_id = :u),
                               EXISTS (%s),
                               ARRAY(SELECT pm.profile_id FROM profile_memberships pm WHERE pm.user_id = :u AND NOT EXISTS (
                                         SELECT 1 FROM profiles p WHERE p.id = pm.profile_id AND p.archived_at IS NOT NULL))"""
                        .formatted(PROFILES_IN_USE))
                .param("u", userId)
                .query((rs, n) -> new Standing(Optional.ofNullable(rs.getString(1)).map(Role::fromCode), rs.getBoolean(2),
                        uuids(rs.getArray(3))))
                .single();
    }

    private static Set<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        return Set.of((UUID[]) array.getArray());
    }

    /** Per profile, the users who work in it (members, and the owner in every one), deactivated users aside. */
    java.util.Map<UUID, Integer> userCounts() {
        java.util.Map<UUID, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT p.id, count(DISTINCT u.id) FROM profiles p
                        JOIN account_members m ON true
                        JOIN users u ON u.id = m.user_id AND u.status <> 'deactivated'
                        WHERE m.role = 'owner' OR EXISTS (
                            SELECT 1 FROM profile_memberships pm WHERE pm.profile_id = p.id AND pm.user_id = m.user_id)
                        GROUP BY p.id""")
                .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return counts;
    }

    void addMemberships(UUID accountId, UUID userId, Collection<UUID> profileIds, Instant now) {
        for (UUID profileId : profileIds) {
            jdbc.sql("""
                            INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at)
                            VALUES (:a, :p, :u, :now) ON CONFLICT DO NOTHING""")
                    .param("a", accountId).param("p", profileId).param("u", userId).param("now", Timestamp.from(now)).update();
        }
    }

    void removeMemberships(UUID userId, Collection<UUID> profileIds) {
        if (!profileIds.isEmpty()) {
            jdbc.sql("DELETE FROM profile_memberships WHERE user_id = :u AND profile_id IN (:p)")
                    .param("u", userId).param("p", profileIds).update();
        }
    }

    /** Users of the account who share at least one of these profiles, or hold the owner role (present in every profile). */
    boolean sharesAProfile(UUID userId, Set<UUID> profileIds) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM account_members m WHERE m.user_id = :u AND m.role = 'owner')
                            OR EXISTS (SELECT 1 FROM profile_memberships pm WHERE pm.user_id = :u AND pm.profile_id IN (:p))""")
                .param("u", userId).param("p", profileIds.isEmpty() ? Set.of(new UUID(0, 0)) : profileIds)
                .query(Boolean.class).single();
    }

    void insertInvitation(UUID id, UUID accountId, UUID userId, String email, byte[] tokenHash, UUID invitedBy,
                          Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO invitations (id, account_id, user_id, email, token_hash, invited_by, created_at, sent_at, expires_at)
                        VALUES (:id, :a, :u, :email, :hash, :by, :now, :now, :expires)""")
                .param("id", id).param("a", accountId).param("u", userId).param("email", email).param("hash", tokenHash)
                .param("by", invitedBy).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).update();
    }

    Optional<Invitation> openInvitationOf(UUID userId) {
        return jdbc.sql("""
                        SELECT id, user_id, email, sent_at, expires_at, invited_by FROM invitations
                        WHERE user_id = :u AND accepted_at IS NULL AND revoked_at IS NULL""")
                .param("u", userId)
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class)))
                .optional();
    }

    /** A new link for the invitation: the old hash is replaced, so the old link dies in the same statement. */
    void reissue(UUID invitationId, String email, byte[] tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE invitations SET token_hash = :hash, email = :email, sent_at = :now, expires_at = :expires WHERE id = :id")
                .param("hash", tokenHash).param("email", email).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt)).param("id", invitationId).update();
    }

    void revoke(UUID invitationId, Instant now) {
        jdbc.sql("UPDATE invitations SET revoked_at = :now WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", invitationId).update();
    }

    /** Uses the link once: the conditional update is the whole race, so concurrent clicks accept at most once. */
    Optional<Invitation> accept(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        UPDATE invitations SET accepted_at = :now
                        WHERE token_hash = :hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        RETURNING id, user_id, email, sent_at, expires_at, invited_by""")
                .param("now", Timestamp.from(now)).param("hash", tokenHash)
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class)))
                .optional();
    }

    Optional<Invitation> usable(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        SELECT id, user_id, email, sent_at, expires_at, invited_by FROM invitations
                        WHERE token_hash = :hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                .param("now", Timestamp.from(now)).param("hash", tokenHash)
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class)))
                .optional();
    }

    void recordSend(UUID accountId, UUID invitationId, UUID sentBy, boolean resend, Instant now) {
        jdbc.sql("""
                        INSERT INTO invitation_sends (account_id, invitation_id, sent_by, sent_at, resend)
                        VALUES (:a, :i, :by, :now, :resend)""")
                .param("a", accountId).param("i", invitationId).param("by", sentBy).param("now", Timestamp.from(now))
                .param("resend", resend).update();
    }

    int resendsSince(UUID invitationId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM invitation_sends WHERE invitation_id = :i AND resend AND sent_at > :since")
                .param("i", invitationId).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /**
     * Holds the account's invitation sending until the transaction ends, so that two invitations sent at
     * once count each other instead of both reading the same count and passing the limit together.
     */
    void lockInvitationSendsOf(UUID accountId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('invitation_sends:' || :a, 0))")
                .param("a", accountId.toString()).query((rs, n) -> true).single();
    }

    /** When the account sent its {@code nth} latest invitation email, if that was after {@code since}. */
    Optional<Instant> nthLatestSendSince(UUID accountId, int nth, Instant since) {
        return jdbc.sql("""
                        SELECT sent_at FROM invitation_sends WHERE account_id = :a AND sent_at > :since
                        ORDER BY sent_at DESC OFFSET :skip LIMIT 1""")
                .param("a", accountId).param("since", Timestamp.from(since)).param("skip", nth - 1)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    int invitationsCreatedBySince(UUID inviter, Instant since) {
        return jdbc.sql("SELECT count(*) FROM invitations WHERE invited_by = :by AND created_at > :since")
                .param("by", inviter).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    List<UUID> activeMembersOf(Set<UUID> profileIds) {
        return jdbc.sql("""
                        SELECT DISTINCT u.id FROM users u JOIN account_members m ON m.user_id = u.id
                        WHERE u.status = 'active' AND (m.role = 'owner' OR EXISTS (
                            SELECT 1 FROM profile_memberships pm WHERE pm.user_id = u.id AND pm.profile_id IN (:p)))""")
                .param("p", profileIds.isEmpty() ? Set.of(new UUID(0, 0)) : profileIds).query(UUID.class).list();
    }

    /** Active users who work in every one of these profiles (the owner works in all; with none given, every active user). */
    List<UUID> activeWorkersOfEvery(Set<UUID> profileIds) {
        return jdbc.sql("""
                        SELECT u.id FROM users u JOIN account_members m ON m.user_id = u.id
                        WHERE u.status = 'active' AND (m.role = 'owner' OR NOT EXISTS (
                            SELECT 1 FROM unnest(CAST(:p AS uuid[])) AS needed(profile_id) WHERE NOT EXISTS (
                                SELECT 1 FROM profile_memberships pm WHERE pm.user_id = u.id AND pm.profile_id = needed.profile_id)))""")
                .param("p", profileIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** The active owner and admins of the current account, by name. */
    List<com.leadline.team.TeamSupport.Admin> activeAdmins() {
        return jdbc.sql("""
                        SELECT u.name, u.email FROM users u JOIN account_members m ON m.user_id = u.id
                        WHERE u.status = 'active' AND m.role IN ('owner', 'admin') ORDER BY lower(u.name), u.id""")
                .query((rs, n) -> new com.leadline.team.TeamSupport.Admin(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The account's people who have joined (invitees aside), deactivated ones marked. */
    List<com.leadline.team.Memberships.Person> peopleOfAccount() {
        return jdbc.sql("""
                        SELECT u.id, u.name, u.status FROM users u JOIN account_members m ON m.user_id = u.id
                        WHERE u.status <> 'invited'""")
                .query((rs, n) -> new com.leadline.team.Memberships.Person(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3).equals("deactivated")))
                .list();
    }
}
