package com.leadline.team.internal;

import com.leadline.team.Memberships;
import com.leadline.team.Role;
import com.leadline.team.TeamSupport;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Roles and profile memberships of the current account's people (row-level security applies). */
@Repository
public class MembershipStore {

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Role> roleOf(UUID userId) {
        return jdbc.sql("SELECT role FROM account_members WHERE user_id = :user")
                .param("user", userId).query(String.class).optional().map(Role::fromCode);
    }

    public void addMember(UUID accountId, UUID userId, Role role, Instant now) {
        jdbc.sql("INSERT INTO account_members (account_id, user_id, role, created_at) VALUES (:a, :u, :r, :now)")
                .param("a", accountId).param("u", userId).param("r", role.code()).param("now", Timestamp.from(now)).update();
    }

    public void changeRole(UUID userId, Role role) {
        jdbc.sql("UPDATE account_members SET role = :r WHERE user_id = :u AND role <> 'owner'")
                .param("r", role.code()).param("u", userId).update();
    }

    public void removeMember(UUID userId) {
        jdbc.sql("DELETE FROM profile_memberships WHERE user_id = :u").param("u", userId).update();
        jdbc.sql("DELETE FROM account_members WHERE user_id = :u").param("u", userId).update();
    }

    public Set<UUID> memberProfiles(UUID userId) {
        return Set.copyOf(jdbc.sql("SELECT profile_id FROM profile_memberships WHERE user_id = :u")
                .param("u", userId).query(UUID.class).list());
    }

    private static final String PROFILES_IN_USE = "SELECT id FROM profiles WHERE archived_at IS NULL";

    /** The profiles in use (not archived): the owner works in all of them. */
    public Set<UUID> allProfiles() {
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

    private static Set<UUID> uuids(Array array) throws SQLException {
        return Set.of((UUID[]) array.getArray());
    }

    /** The account's seats: its active users (not invitees, not deactivated people; partner users are no members). */
    int activeSeats() {
        return jdbc.sql("SELECT count(*) FROM account_members m JOIN users u ON u.id = m.user_id AND u.status = 'active'")
                .query(Integer.class).single();
    }

    /** Per profile, the users who work in it (members, and the owner in every one), deactivated users aside. */
    Map<UUID, Integer> userCounts() {
        Map<UUID, Integer> counts = new HashMap<>();
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

    public void addMemberships(UUID accountId, UUID userId, Collection<UUID> profileIds, Instant now) {
        for (UUID profileId : profileIds) {
            jdbc.sql("""
                            INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at)
                            VALUES (:a, :p, :u, :now) ON CONFLICT DO NOTHING""")
                    .param("a", accountId).param("p", profileId).param("u", userId).param("now", Timestamp.from(now)).update();
        }
    }

    public void removeMemberships(UUID userId, Collection<UUID> profileIds) {
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

    public List<UUID> activeMembersOf(Set<UUID> profileIds) {
        return jdbc.sql("""
                        SELECT DISTINCT u.id FROM users u JOIN account_members m ON m.user_id = u.id
                        WHERE u.status = 'active' AND (m.role = 'owner' OR EXISTS (
                            SELECT 1 FROM profile_memberships pm WHERE pm.user_id = u.id AND pm.profile_id IN (:p)))""")
                .param("p", profileIds.isEmpty() ? Set.of(new UUID(0, 0)) : profileIds).query(UUID.class).list();
    }

    /** Active users who work in every one of these profiles (the owner works in all; with none given, every active user). */
    public List<UUID> activeWorkersOfEvery(Set<UUID> profileIds) {
        return jdbc.sql("""
                        SELECT u.id FROM users u JOIN account_members m ON m.user_id = u.id
                        WHERE u.status = 'active' AND (m.role = 'owner' OR NOT EXISTS (
                            SELECT 1 FROM unnest(CAST(:p AS uuid[])) AS needed(profile_id) WHERE NOT EXISTS (
                                SELECT 1 FROM profile_memberships pm WHERE pm.user_id = u.id AND pm.profile_id = needed.profile_id)))""")
                .param("p", profileIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** The active owner and admins of the current account, by name. */
    public List<TeamSupport.Admin> activeAdmins() {
        return jdbc.sql("""
                        SELECT u.name, u.email FROM users u JOIN account_members m ON m.user_id = u.id
                        WHERE u.status = 'active' AND m.role IN ('owner', 'admin') ORDER BY lower(u.name), u.id""")
                .query((rs, n) -> new TeamSupport.Admin(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The account's people who have joined (invitees aside), deactivated ones marked. */
    List<Memberships.Person> peopleOfAccount() {
        return jdbc.sql("""
                        SELECT u.id, u.name, u.status FROM users u JOIN account_members m ON m.user_id = u.id
                        WHERE u.status <> 'invited'""")
                .query((rs, n) -> new Memberships.Person(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3).equals("deactivated")))
                .list();
    }
}
