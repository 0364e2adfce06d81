package com.leadline.leadbox.internal;

import com.leadline.leadbox.internal.Leadbox.Appearance;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.Transactions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Leadboxes of the current account (row-level security applies), and the registry that routes a
 * widget key to its account (V45's leadbox_keys, through its lookup function). A Leadbox is made with
 * the defaults the first time anyone needs it ({@link #ofProfile}, {@link #multiProfile}).
 */
@Repository
class LeadboxStore {

    /** A key is public (it is in the embed code) but must not be guessed: 16 random bytes. */
    static final int KEY_BYTES = 16;
    static final int SECRET_BYTES = 32;
    static final String DEFAULT_BUTTON_TEXT = "Text us";
    static final String DEFAULT_COLOUR = "#b8480c";
    static final String DEFAULT_GREETING = "Hi! Leave your name, number and question, and we'll text you back.";

    /** The account and Leadbox a widget key leads to. */
    record Route(UUID accountId, UUID leadboxId) {
    }

    private static final String COLUMNS = """
            id, account_id, profile_id, widget_key, enabled, button_text, colour, greeting, offers_text, offers_call, consent,
            allowed_origins, position, form_secret, updated_at""";
    private static final String INSERT = """
            INSERT INTO leadboxes (account_id, id, profile_id, widget_key, enabled, button_text, colour, greeting, offers_text,
                                   offers_call, consent, allowed_origins, position, form_secret, updated_at)
            VALUES (:a, :id, :p, :key, true, :button, :colour, :greeting, true, false, :consent, '{}',
                    coalesce((SELECT max(position) + 1 FROM leadboxes WHERE profile_id IS NOT NULL), 0), :secret, :now)
            ON CONFLICT DO NOTHING""";

    static final int KNOWN_ROUTES = 10_000;

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate callersTransaction;
    private final TransactionTemplate reads;
    private final RecentWidgets recentWidgets;

    LeadboxStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, RecentWidgets recentWidgets) {
        this.jdbc = jdbc;
        this.recentWidgets = recentWidgets;
        this.callersTransaction = Transactions.callersOnly(transactionManager);
        this.reads = Transactions.readOnly(transactionManager);
    }

    /**
     * Any account's key: for the public widget requests, which name no account. A key once registered
     * never leads anywhere else (V45's registry is only ever added to), so the routes found are kept
     * in memory, up to {@value #KNOWN_ROUTES} of them (then they are forgotten and found again); a key
     * not found is looked up again at the next request, as it may be registered meanwhile.
     */
    Optional<Route> route(String widgetKey) {
        Route known = routes.get(widgetKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Route> found = reads.execute(status -> jdbc.sql("SELECT account_id, leadbox_id FROM leadbox_route_key(:key)")
                .param("key", widgetKey)
                .query((rs, n) -> new Route(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional());
        found.ifPresent(route -> {
            if (routes.size() >= KNOWN_ROUTES) {
                routes.clear();
            }
            routes.put(widgetKey, route);
        });
        return found;
    }

    Optional<Leadbox> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM leadboxes WHERE id = :id").param("id", id)
                .query(LeadboxStore::leadbox).optional();
    }

    /** The profile's Leadbox, made now with the defaults if it has none; {@code consent} names the business. */
    Leadbox ofProfile(UUID accountId, UUID profileId, String businessName, Instant now) {
        return callersTransaction.execute(status -> find("profile_id = :p", profileId)
                .orElseGet(() -> create(accountId, profileId, businessName, now, "profile_id = :p")));
    }

    /** The account's multi-profile Leadbox, made now with the defaults if it has none. */
    Leadbox multiProfile(UUID accountId, String businessName, Instant now) {
        return callersTransaction.execute(status -> find("profile_id IS NULL", null)
                .orElseGet(() -> create(accountId, null, businessName, now, "profile_id IS NULL")));
    }

    /** The profiles' Leadboxes of the current account in their multi-profile order (made ones only). */
    List<Leadbox> profileLeadboxes() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM leadboxes WHERE profile_id IS NOT NULL ORDER BY position, id")
                .query(LeadboxStore::leadbox).list();
    }

    void update(Leadbox leadbox, boolean enabled, Appearance appearance, List<String> allowedOrigins, Instant now) {
        recentWidgets.forgetAccount(leadbox.accountId());
        callersTransaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE leadboxes SET enabled = :enabled, button_text = :button, colour = :colour, greeting = :greeting,
                          offers_text = :text, offers_call = :call, consent = :consent, allowed_origins = :origins, updated_at = :now
                        WHERE id = :id""")
                .param("id", leadbox.id()).param("enabled", enabled).param("button", appearance.buttonText())
                .param("colour", appearance.colour()).param("greeting", appearance.greeting())
                .param("text", appearance.offersText()).param("call", appearance.offersCall())
                .param("consent", appearance.consent()).param("origins", allowedOrigins.toArray(String[]::new))
                .param("now", Timestamp.from(now)).update());
    }

    /** Puts the profiles' Leadboxes in this order in the multi-profile Leadbox. */
    void reorder(UUID accountId, List<UUID> leadboxIds) {
        callersTransaction.executeWithoutResult(status -> {
            recentWidgets.forgetAccount(accountId);
            for (int position = 0; position < leadboxIds.size(); position++) {
                jdbc.sql("UPDATE leadboxes SET position = :position WHERE id = :id AND profile_id IS NOT NULL")
                        .param("position", position).param("id", leadboxIds.get(position)).update();
            }
        });
    }

    private Optional<Leadbox> find(String which, UUID profileId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM leadboxes WHERE " + which).param("p", profileId)
                .query(LeadboxStore::leadbox).optional();
    }

    /** Two first uses at once: one insert wins, both read the row it made. */
    private Leadbox create(UUID accountId, UUID profileId, String businessName, Instant now, String which) {
        UUID id = UUID.randomUUID();
        String key = SecureTokens.newToken(KEY_BYTES);
        int made = jdbc.sql(INSERT).param("a", accountId).param("id", id).param("p", profileId).param("key", key)
                .param("button", DEFAULT_BUTTON_TEXT).param("colour", DEFAULT_COLOUR).param("greeting", DEFAULT_GREETING)
                .param("consent", defaultConsent(businessName)).param("secret", SecureTokens.randomBytes(SECRET_BYTES))
                .param("now", Timestamp.from(now)).update();
        if (made == 1) {
            jdbc.sql("SELECT leadbox_register_key(:key, :id)").param("key", key).param("id", id).query().listOfRows();
        }
        return find(which, profileId).orElseThrow();
    }

    static String defaultConsent(String businessName) {
        String consent = "By sending, you agree that " + businessName.strip() + " may text you at this number about your "
                + "request. Message and data rates may apply. Reply STOP to stop.";
        return consent.length() <= LeadboxRules.MAX_CONSENT ? consent : consent.substring(0, LeadboxRules.MAX_CONSENT);
    }

    private static Leadbox leadbox(ResultSet rs, int row) throws SQLException {
        Array origins = rs.getArray("allowed_origins");
        return new Leadbox(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("profile_id", UUID.class), rs.getString("widget_key"), rs.getBoolean("enabled"),
                new Appearance(rs.getString("button_text"), rs.getString("colour"), rs.getString("greeting"),
                        rs.getBoolean("offers_text"), rs.getBoolean("offers_call"), rs.getString("consent")),
                List.copyOf(Arrays.asList((String[]) origins.getArray())), rs.getInt("position"),
                rs.getBytes("form_secret"), rs.getTimestamp("updated_at").toInstant());
    }
}
