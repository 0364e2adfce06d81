package com.leadline.inbox.internal.contact;

import com.leadline.inbox.ContactDirectory;
import com.leadline.inbox.ContactFacts;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The contacts for other modules, by id (the primary key's order), in the caller's transaction and account. */
@Component
class ContactDirectoryAdapter implements ContactDirectory {

    private static final String PAGE = """
            SELECT id, profile_id, name, phone, email, notes FROM contacts
            WHERE (:every OR profile_id = ANY (:profiles)) AND (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid))
            ORDER BY id LIMIT :limit""";

    private final JdbcClient jdbc;

    ContactDirectoryAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ContactFacts> page(Set<UUID> profileIds, boolean everyProfile, UUID after, int limit) {
        if (!everyProfile && profileIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PAGE).param("every", everyProfile).param("profiles", profileIds.toArray(UUID[]::new))
                .param("after", after, java.sql.Types.OTHER).param("limit", limit)
                .query((rs, n) -> new ContactFacts(rs.getObject("id", UUID.class), rs.getObject("profile_id", UUID.class),
                        rs.getString("name"), rs.getString("phone"), rs.getString("email"), rs.getString("notes")))
                .list();
    }
}
