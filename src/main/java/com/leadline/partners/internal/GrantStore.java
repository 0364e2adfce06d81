package com.leadline.partners.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner grants the current account holds, as client or as agency (row-level security shows both sides). */
@Repository
class GrantStore {

    enum Level {
        ADMIN("Admin"), READ_ONLY("Read only");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Level> of(String code) {
            for (Level level : values()) {
                if (level.code().equals(code == null ? "" : code.strip())) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }

    record Grant(UUID clientId, String clientName, UUID agencyId, String agencyName, Level level, Instant grantedAt) {
    }

    private final JdbcClient jdbc;

    GrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID clientId, UUID agencyId, Level level, UUID grantedBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO partner_grants (client_account_id, agency_account_id, level, granted_at, granted_by)
                        VALUES (:client, :agency, :level, :now, :by) ON CONFLICT DO NOTHING""")
                .param("client", clientId).param("agency", agencyId).param("level", level.code())
                .param("now", Timestamp.from(now)).param("by", grantedBy).update();
    }

    /** The grants of the current account, with the other side's name. */
    List<Grant> ofCurrentAccount() {
        return jdbc.sql("SELECT * FROM partners_grants_of_current_account() ORDER BY granted_at, agency_account_id")
                .query((rs, n) -> new Grant(rs.getObject("client_account_id", UUID.class), rs.getString("client_name"),
                        rs.getObject("agency_account_id", UUID.class), rs.getString("agency_name"),
                        Level.of(rs.getString("level")).orElseThrow(), rs.getTimestamp("granted_at").toInstant()))
                .list();
    }

    /** The agencies with access to the current account (as a client), oldest grant first. */
    List<Grant> agenciesOfCurrentAccount() {
        UUID client = com.leadline.platform.Tenancy.currentAccount().orElseThrow();
        return ofCurrentAccount().stream().filter(grant -> grant.clientId().equals(client)).toList();
    }

    /** Across accounts, through the lookup function: the agency a referral code belongs to. */
    Optional<UUID> agencyByCode(String code) {
        return jdbc.sql("SELECT partners_find_agency_by_referral(:code)").param("code", code).query(UUID.class).optional();
    }

    /** The agency's grant to this client, when the current account is either of them. */
    Optional<Level> levelOf(UUID clientId, UUID agencyId) {
        return jdbc.sql("SELECT level FROM partner_grants WHERE client_account_id = :client AND agency_account_id = :agency")
                .param("client", clientId).param("agency", agencyId).query(String.class).optional().flatMap(Level::of);
    }

    record PartnerUser(UUID userId, String name, String email, UUID agencyId, String agencyName, Level level) {
    }

    List<PartnerUser> partnerUsersOfCurrentAccount() {
        return jdbc.sql("SELECT * FROM partners_partner_users_of_current_account() ORDER BY lower(agency_name), lower(name), user_id")
                .query((rs, n) -> new PartnerUser(rs.getObject("user_id", UUID.class), rs.getString("name"), rs.getString("email"),
                        rs.getObject("agency_account_id", UUID.class), rs.getString("agency_name"),
                        Level.of(rs.getString("level")).orElseThrow()))
                .list();
    }

    boolean changeLevel(UUID clientId, UUID agencyId, Level level) {
        return jdbc.sql("UPDATE partner_grants SET level = :level WHERE client_account_id = :client AND agency_account_id = :agency")
                .param("level", level.code()).param("client", clientId).param("agency", agencyId).update() == 1;
    }

    boolean delete(UUID clientId, UUID agencyId) {
        return jdbc.sql("DELETE FROM partner_grants WHERE client_account_id = :client AND agency_account_id = :agency")
                .param("client", clientId).param("agency", agencyId).update() == 1;
    }
}
