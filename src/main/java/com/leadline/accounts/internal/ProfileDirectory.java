package com.leadline.accounts.internal;

import com.leadline.accounts.Profiles;
import com.leadline.platform.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Component
class ProfileDirectory implements Profiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            p.id, p.name, p.button_name, p.show_in_leadbox, p.timezone, p.business_hours::text, p.plan, p.created_at, p.archived_at,
            p.country, p.help_text, n.phone_number""";
    private static final String PROFILES = " FROM profiles p LEFT JOIN texting_numbers_of_current_account() n ON n.profile_id = p.id";

    private final JdbcClient jdbc;
    private final TransactionTemplate reads;
    private final TransactionTemplate callersTransaction;

    ProfileDirectory(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.reads = Transactions.readOnly(transactionManager);
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    @Override
    public List<ProfileSummary> all() {
        return reads.execute(status -> jdbc.sql("SELECT id, name FROM profiles WHERE archived_at IS NULL ORDER BY lower(name), id")
                .query(ProfileSummary.class).list());
    }

    @Override
    public List<Profile> everyProfile() {
        return reads.execute(status ->
                jdbc.sql("SELECT " + COLUMNS + PROFILES + " ORDER BY lower(p.name), p.id").query(ProfileDirectory::profile).list());
    }

    @Override
    public Optional<Profile> find(UUID profileId) {
        return reads.execute(status -> jdbc.sql("SELECT " + COLUMNS + PROFILES + " WHERE p.id = :id").param("id", profileId)
                .query(ProfileDirectory::profile).optional());
    }

    @Override
    public UUID create(UUID accountId, Settings settings, Instant now) {
        return callersTransaction.execute(status -> insert(accountId, settings, now));
    }

    private UUID insert(UUID accountId, Settings settings, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO profiles (id, account_id, name, button_name, show_in_leadbox, timezone, business_hours, created_at)
                        VALUES (:id, :account, :name, :button, :show, :timezone, CAST(:hours AS jsonb), :now)""")
                .param("id", id).param("account", accountId).param("name", settings.name())
                .param("button", settings.buttonName()).param("show", settings.showInLeadbox())
                .param("timezone", settings.timezone()).param("hours", hoursJson(settings.hours()))
                .param("now", Timestamp.from(now)).update();
        return id;
    }

    @Override
    public void update(UUID profileId, Settings settings) {
        callersTransaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE profiles SET name = :name, button_name = :button, show_in_leadbox = :show, timezone = :timezone,
                                            business_hours = CAST(:hours AS jsonb)
                        WHERE id = :id""")
                .param("name", settings.name()).param("button", settings.buttonName()).param("show", settings.showInLeadbox())
                .param("timezone", settings.timezone()).param("hours", hoursJson(settings.hours())).param("id", profileId)
                .update());
    }

    @Override
    public void changePlan(UUID profileId, Plan plan) {
        callersTransaction.executeWithoutResult(status ->
                jdbc.sql("UPDATE profiles SET plan = :plan WHERE id = :id").param("plan", plan.code()).param("id", profileId).update());
    }

    @Override
    public void archive(UUID profileId, Instant now) {
        callersTransaction.executeWithoutResult(status -> jdbc.sql("UPDATE profiles SET archived_at = :now WHERE id = :id AND archived_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", profileId).update());
    }

    @Override
    public void restore(UUID profileId) {
        callersTransaction.executeWithoutResult(status ->
                jdbc.sql("UPDATE profiles SET archived_at = NULL WHERE id = :id").param("id", profileId).update());
    }

    @Override
    public void updateTexting(UUID profileId, String country, String helpText) {
        callersTransaction.executeWithoutResult(status -> jdbc.sql("UPDATE profiles SET country = :country, help_text = :help WHERE id = :id")
                .param("country", country).param("help", helpText).param("id", profileId).update());
    }

    @Override
    public boolean assignNumber(UUID profileId, String phoneNumber, Instant now) {
        return Boolean.TRUE.equals(callersTransaction.execute(status -> jdbc.sql("SELECT texting_assign_number(:id, :number, :now)")
                .param("id", profileId).param("number", phoneNumber).param("now", Timestamp.from(now))
                .query(Boolean.class).single()));
    }

    private static Profile profile(ResultSet rs, int row) throws SQLException {
        Timestamp archived = rs.getTimestamp("archived_at");
        return new Profile(rs.getObject("id", UUID.class),
                new Settings(rs.getString("name"), rs.getString("button_name"), rs.getBoolean("show_in_leadbox"),
                        rs.getString("timezone"), hours(rs.getString("business_hours"))),
                Plan.valueOf(rs.getString("plan").toUpperCase(Locale.ROOT)), rs.getTimestamp("created_at").toInstant(),
                archived == null ? null : archived.toInstant(),
                new Texting(rs.getString("country"), rs.getString("help_text"), rs.getString("phone_number")));
    }

    private static String hoursJson(Map<DayOfWeek, OpeningHours> hours) {
        return JSON.writeValueAsString(hours.entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().name(),
                entry -> Map.of("opens", entry.getValue().opens().toString(), "closes", entry.getValue().closes().toString()))));
    }

    private static Map<DayOfWeek, OpeningHours> hours(String json) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        JsonNode days = JSON.readTree(json);
        for (DayOfWeek day : DayOfWeek.values()) {
            JsonNode open = days.get(day.name());
            if (open != null) {
                hours.put(day, new OpeningHours(LocalTime.parse(open.get("opens").asString()),
                        LocalTime.parse(open.get("closes").asString())));
            }
        }
        return hours;
    }
}
