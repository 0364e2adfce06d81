package com.leadline.inbox.internal.contact;

import com.leadline.inbox.internal.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts of the current account (row-level security applies), and the copy of their name and phone on conversations. */
@Repository
public class ContactStore {

    public record Contact(UUID id, UUID profileId, String name, String phone, String email, String notes) {
    }

    /**
     * A contact with what the viewer may see of its conversations: how many, and the state of the one with
     * the latest activity (null when the rule shows none).
     */
    record ContactSummary(Contact contact, int conversations, String latestState, String latestOutcome, Instant latestActivityAt) {
    }

    /** Keyset on the lower-cased name and the id: the database lower-cases the cursor's name as it does the rows'. */
    private static final String PAGE = """
            SELECT id, profile_id, name, phone, email, notes FROM contacts
            WHERE profile_id = ANY (:profiles) AND (CAST(:afterName AS text) IS NULL OR (lower(name), id) > (lower(:afterName), :afterId))
            ORDER BY lower(name), id LIMIT :limit""";
    /** The same order, of the contacts {@code inbox_search_contacts} (V36) finds through the trigram index. */
    private static final String SEARCH_PAGE = """
            SELECT k.id, k.profile_id, k.name, k.phone, k.email, k.notes
            FROM inbox_search_contacts(:search, :profiles, CAST(:afterName AS text), :afterId, :limit) AS found(id)
            JOIN contacts k ON k.id = found.id
            ORDER BY lower(k.name), k.id""";
    private static final String SUMMARIES = """
            SELECT k.id, k.profile_id, k.name, k.phone, k.email, k.notes,
                   (SELECT count(*) FROM conversations c
                    WHERE c.contact_id = k.id
                      AND c.profile_id = ANY (:visibleProfiles)
                      AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)) AS visible_conversations,
                   latest.state, latest.outcome, latest.last_activity_at
            FROM contacts k
            LEFT JOIN LATERAL (SELECT c.state, c.outcome, c.last_activity_at FROM conversations c
                               WHERE c.contact_id = k.id
                                 AND c.profile_id = ANY (:visibleProfiles)
                                 AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)
                               ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 1) latest ON true
            WHERE k.profile_id = ANY (:profiles)
              AND (CAST(:afterName AS text) IS NULL OR (lower(k.name), k.id) > (lower(:afterName), :afterId))
            ORDER BY lower(k.name), k.id LIMIT :limit""";
    private static final String COPY = """
            INSERT INTO contacts (id, account_id, profile_id, name, phone, email, notes, created_at)
            VALUES (:id, :a, :p, :name, :phone, :email, :notes, :now)""";

    private final JdbcClient jdbc;

    ContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> find(UUID id) {
        return jdbc.sql("SELECT id, profile_id, name, phone, email, notes FROM contacts WHERE id = :id").param("id", id)
                .query(ContactStore::contact).optional();
    }

    public Optional<UUID> byPhone(UUID profileId, String phone) {
        return jdbc.sql("SELECT id FROM contacts WHERE profile_id = :p AND phone = :phone").param("p", profileId)
                .param("phone", phone).query(UUID.class).optional();
    }

    /** Contacts of these profiles, by name (lower case) then id, matching a search (none: all), after the keyset cursor. */
    List<Contact> page(Set<UUID> profiles, String search, String afterName, UUID afterId, int limit) {
        return jdbc.sql(search.isEmpty() ? PAGE : SEARCH_PAGE)
                .param("profiles", profiles.toArray(UUID[]::new)).param("search", search)
                .param("afterName", afterName).param("afterId", afterId == null ? new UUID(0, 0) : afterId).param("limit", limit)
                .query(ContactStore::contact)
                .list();
    }

    /** One batch in the contacts list's order (as {@link #page}), each counted through the visibility rule. */
    List<ContactSummary> summaries(Visibility visibility, Set<UUID> profiles, String afterName, UUID afterId, int limit) {
        return visibility.bind(jdbc.sql(SUMMARIES))
                .param("profiles", profiles.toArray(UUID[]::new)).param("afterName", afterName)
                .param("afterId", afterId == null ? new UUID(0, 0) : afterId).param("limit", limit)
                .query((rs, n) -> {
                    Timestamp latest = rs.getTimestamp("last_activity_at");
                    return new ContactSummary(contact(rs, n), rs.getInt("visible_conversations"), rs.getString("state"),
                            rs.getString("outcome"), latest == null ? null : latest.toInstant());
                })
                .list();
    }

    /** Whether the contact texted STOP to its profile's number (and not START since), and when that last changed. */
    public record OptOut(boolean optedOut, Instant changedAt) {
    }

    public OptOut optOut(UUID contactId) {
        return jdbc.sql("SELECT opted_out, opt_out_changed_at FROM contacts WHERE id = :id").param("id", contactId)
                .query((rs, n) -> {
                    Timestamp changed = rs.getTimestamp(2);
                    return new OptOut(rs.getBoolean(1), changed == null ? null : changed.toInstant());
                })
                .optional().orElseThrow();
    }

    /** Records the contact's opt-out (or opt-in again); false when it already was so. */
    public boolean changeOptOut(UUID contactId, boolean optedOut, Instant now) {
        return jdbc.sql("UPDATE contacts SET opted_out = :out, opt_out_changed_at = :now WHERE id = :id AND opted_out <> :out")
                .param("out", optedOut).param("now", Timestamp.from(now)).param("id", contactId).update() == 1;
    }

    /** A contact known only by the number that texted. */
    /** The profile's contact with this phone, or the one made now with this id and name ({@code made}). */
    public record Found(UUID id, boolean made) {
    }

    /**
     * The profile's contact with this phone, made now when it has none: one round trip either way. Two
     * texts of a new number at once both try to make it; the second meets the unique index
     * ({@code DuplicateKeyException}) and finds it when tried again.
     */
    public Found findOrInsert(UUID id, UUID accountId, UUID profileId, String name, String phone, Instant now) {
        return jdbc.sql("""
                        WITH known AS (SELECT id FROM contacts WHERE profile_id = :p AND phone = :phone),
                        made AS (
                          INSERT INTO contacts (id, account_id, profile_id, name, phone, created_at)
                          SELECT :id, :a, :p, :name, :phone, :now WHERE NOT EXISTS (SELECT 1 FROM known)
                          RETURNING id)
                        SELECT id, false FROM known UNION ALL SELECT id, true FROM made""")
                .param("id", id).param("a", accountId).param("p", profileId).param("name", name).param("phone", phone)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getBoolean(2))).single();
    }

    /** Gives a contact without a name the one the lead typed; a name someone already gave it stays. */
    public void nameIfUnnamed(UUID contactId, String name) {
        jdbc.sql("UPDATE contacts SET name = :name WHERE id = :id AND name = ''").param("name", name).param("id", contactId).update();
    }

    /** The same person as a contact of another profile: name, phone, email and notes carried over. */
    public void copy(Contact contact, UUID id, UUID accountId, UUID profileId, Instant now) {
        jdbc.sql(COPY).param("id", id).param("a", accountId).param("p", profileId).param("name", contact.name())
                .param("phone", contact.phone()).param("email", contact.email()).param("notes", contact.notes())
                .param("now", Timestamp.from(now)).update();
    }

    /** The contact and the copy of its name, phone and email on each of its conversations (which inbox lists show and search reads). */
    void update(UUID id, String name, String phone, String email, String notes) {
        jdbc.sql("UPDATE contacts SET name = :name, phone = :phone, email = :email, notes = :notes WHERE id = :id")
                .param("name", name).param("phone", phone, Types.VARCHAR).param("email", email, Types.VARCHAR)
                .param("notes", notes).param("id", id).update();
        jdbc.sql("UPDATE conversations SET contact_name = :name, contact_phone = :phone, contact_email = :email WHERE contact_id = :id")
                .param("name", name).param("phone", phone, Types.VARCHAR).param("email", email, Types.VARCHAR).param("id", id).update();
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("profile_id", UUID.class), rs.getString("name"),
                rs.getString("phone"), rs.getString("email"), rs.getString("notes"));
    }
}
