package com.leadline.team.internal;

import com.leadline.platform.NotFoundException;
import com.leadline.platform.Transactions;
import com.leadline.team.Actor;
import com.leadline.team.PartnerAccess;
import com.leadline.team.Permission;
import com.leadline.team.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Team page's read model: who the actor may see, filtered and paged by keyset (name, id). It
 * joins the users table (identity's) for reading only; every change goes through identity's API.
 */
@Component
public class TeamList {

    static final int PAGE_SIZE = 50;
    static final int MAX_SEARCH = 100;

    public enum State { ACTIVE, INVITED, EXPIRED, DEACTIVATED }

    public record Filter(UUID profileId, Set<State> states, String search, String afterName, UUID afterId) {

        /**
         * From query parameters shared by the page and the API: profile (an id or "all"), state
         * (current, active, invited, expired, deactivated, all; deactivated users are hidden by
         * default), q, and the keyset cursor afterName/afterId. A malformed id is as unknown as a missing one.
         */
        public static Filter from(Map<String, String> query) {
            return new Filter(optionalId(query.get("profile")), states(query.getOrDefault("state", "current")),
                    query.getOrDefault("q", ""), query.get("afterName"), optionalId(query.get("afterId")));
        }

        private static Set<State> states(String choice) {
            return switch (choice) {
                case "active" -> EnumSet.of(State.ACTIVE);
                case "invited" -> EnumSet.of(State.INVITED);
                case "expired" -> EnumSet.of(State.EXPIRED);
                case "deactivated" -> EnumSet.of(State.DEACTIVATED);
                case "all" -> EnumSet.allOf(State.class);
                default -> EnumSet.of(State.ACTIVE, State.INVITED, State.EXPIRED);
            };
        }

        static UUID optionalId(String text) {
            if (text == null || text.isBlank() || text.equals(TeamRules.ALL_PROFILES)) {
                return null;
            }
            try {
                return UUID.fromString(text.strip());
            } catch (IllegalArgumentException malformed) {
                throw new NotFoundException();
            }
        }
    }

    public record Row(UUID id, String name, String email, Role role, State state, Instant invitationExpiresAt, List<String> profiles) {

        /** Whole hours left, rounded up: a fresh invitation shows 72 h, one with minutes left shows 1 h. */
        public long hoursLeft(Instant now) {
            long seconds = invitationExpiresAt == null ? 0 : Duration.between(now, invitationExpiresAt).toSeconds();
            return Math.max(0, (seconds + 3599) / 3600);
        }
    }

    public record Page(List<Row> rows, Row last, boolean more) {

        public static final Page EMPTY = new Page(List.of(), null, false);
    }

    private static final String PAGE_SQL = """
            SELECT u.id, u.name, u.email, u.status, m.role, i.expires_at,
                   ARRAY(SELECT p.name FROM profile_memberships pm JOIN profiles p ON p.id = pm.profile_id
                         WHERE pm.user_id = u.id ORDER BY lower(p.name)) AS profiles
            FROM users u
            JOIN account_members m ON m.user_id = u.id
            LEFT JOIN invitations i ON i.user_id = u.id AND i.accepted_at IS NULL AND i.revoked_at IS NULL
            WHERE (:owner OR u.id = :actor OR m.role = 'owner' OR EXISTS (
                      SELECT 1 FROM profile_memberships pm WHERE pm.user_id = u.id AND pm.profile_id = ANY (:profiles)))
              AND (CAST(:profile AS uuid) IS NULL OR m.role = 'owner' OR EXISTS (
                      SELECT 1 FROM profile_memberships pm WHERE pm.user_id = u.id AND pm.profile_id = :profile))
              AND (CASE
                     WHEN u.status = 'active' THEN 'ACTIVE'
                     WHEN u.status = 'deactivated' THEN 'DEACTIVATED'
                     WHEN i.expires_at > :now THEN 'INVITED'
                     ELSE 'EXPIRED' END) = ANY (:states)
              AND (:search = '' OR strpos(lower(u.name), :search) > 0 OR strpos(u.email, :search) > 0)
              AND (CAST(:afterName AS text) IS NULL OR (lower(u.name), u.id) > (:afterName, :afterId))
            ORDER BY lower(u.name), u.id
            LIMIT :limit""";

    private final JdbcClient jdbc;
    private final PartnerAccess partnerAccess;
    private final Clock clock;
    private final TransactionTemplate reads;

    TeamList(JdbcClient jdbc, PartnerAccess partnerAccess, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.partnerAccess = partnerAccess;
        this.clock = clock;
        this.reads = Transactions.readOnly(transactionManager);
    }

    /**
     * The partner users who work in the account (in every profile), for the first page of a list that
     * shows active users; filtered by the same search. They are few: one list, no paging.
     */
    public List<PartnerAccess.PartnerMember> partners(Actor actor, Filter filter) {
        return reads.execute(status -> partnersMatching(actor, filter));
    }

    private List<PartnerAccess.PartnerMember> partnersMatching(Actor actor, Filter filter) {
        actor.require(Permission.VIEW_TEAM);
        if (filter.afterName() != null || !filter.states().contains(State.ACTIVE)) {
            return List.of();
        }
        String search = filter.search() == null ? "" : filter.search().strip().toLowerCase(Locale.ROOT);
        return partnerAccess.partnerMembers().stream()
                .filter(partner -> search.isEmpty() || partner.name().toLowerCase(Locale.ROOT).contains(search)
                        || partner.email().contains(search))
                .toList();
    }

    public Page page(Actor actor, Filter filter) {
        return reads.execute(status -> readPage(actor, filter));
    }

    private Page readPage(Actor actor, Filter filter) {
        actor.require(Permission.VIEW_TEAM);
        if (filter.profileId() != null && !actor.canManageProfile(filter.profileId())) {
            throw new NotFoundException();
        }
        Instant now = clock.instant();
        String search = filter.search() == null ? "" : filter.search().strip().toLowerCase(Locale.ROOT);
        search = search.length() > MAX_SEARCH ? search.substring(0, MAX_SEARCH) : search;
        List<Row> rows = jdbc.sql(PAGE_SQL)
                .param("owner", actor.seesEveryProfile())
                .param("actor", actor.userId())
                .param("profiles", actor.profileIds().toArray(UUID[]::new))
                .param("profile", filter.profileId())
                .param("now", Timestamp.from(now))
                .param("states", filter.states().stream().map(Enum::name).toArray(String[]::new))
                .param("search", search)
                .param("afterName", filter.afterName())
                .param("afterId", filter.afterId() == null ? new UUID(0, 0) : filter.afterId())
                .param("limit", PAGE_SIZE + 1)
                .query((rs, n) -> row(rs, now))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        List<Row> page = new ArrayList<>(more ? rows.subList(0, PAGE_SIZE) : rows);
        return new Page(page, page.isEmpty() ? null : page.get(page.size() - 1), more);
    }

    private static Row row(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString("status");
        Timestamp expires = rs.getTimestamp("expires_at");
        State state = switch (status) {
            case "active" -> State.ACTIVE;
            case "deactivated" -> State.DEACTIVATED;
            default -> expires != null && expires.toInstant().isAfter(now) ? State.INVITED : State.EXPIRED;
        };
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
                Role.fromCode(rs.getString("role")), state, expires == null ? null : expires.toInstant(),
                Arrays.asList((String[]) rs.getArray("profiles").getArray()));
    }
}
