package com.leadline.inbox.internal.contact;

import com.leadline.inbox.ContactImports;
import com.leadline.platform.Transactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ContactImports} as two statements per batch: one upsert on the one-contact-per-phone index (a row
 * changes an existing contact only where it differs, so a file imported twice changes nothing the second time),
 * then the copy of the changed contacts' name and email on their conversations, as {@code ContactStore.update} does.
 */
@Component
class ContactImportsAdapter implements ContactImports {

    private static final String UPSERT = """
            WITH input AS (
              SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:phones AS text[]), CAST(:names AS text[]),
                                   CAST(:emails AS text[]), CAST(:notes AS text[])) AS i(id, phone, name, email, notes))
            INSERT INTO contacts AS k (id, account_id, profile_id, name, phone, email, notes, created_at)
            SELECT i.id, :a, :p, i.name, i.phone, i.email, i.notes, :now FROM input i
            ON CONFLICT (profile_id, phone) WHERE phone IS NOT NULL DO UPDATE
            SET name = CASE WHEN EXCLUDED.name = '' THEN k.name ELSE EXCLUDED.name END,
                email = coalesce(EXCLUDED.email, k.email),
                notes = CASE WHEN EXCLUDED.notes = '' THEN k.notes ELSE EXCLUDED.notes END
            WHERE (k.name, k.email, k.notes) IS DISTINCT FROM
                  (CASE WHEN EXCLUDED.name = '' THEN k.name ELSE EXCLUDED.name END, coalesce(EXCLUDED.email, k.email),
                   CASE WHEN EXCLUDED.notes = '' THEN k.notes ELSE EXCLUDED.notes END)
            RETURNING k.id, (xmax = 0) AS made""";
    private static final String COPY_TO_CONVERSATIONS = """
            UPDATE conversations c SET contact_name = k.name, contact_email = k.email
            FROM contacts k WHERE k.id = ANY (:ids) AND c.contact_id = k.id
              AND (c.contact_name, c.contact_email) IS DISTINCT FROM (k.name, k.email)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate callers;

    ContactImportsAdapter(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.callers = Transactions.callersOnly(transactionManager);
    }

    @Override
    public Written upsert(UUID accountId, UUID profileId, List<ImportedContact> contacts, Instant now) {
        if (contacts.isEmpty()) {
            return new Written(0, 0, 0);
        }
        return callers.execute(status -> {
            record Row(UUID id, boolean made) {
            }
            List<Row> written = jdbc.sql(UPSERT)
                    .param("ids", contacts.stream().map(c -> UUID.randomUUID()).toArray(UUID[]::new))
                    .param("phones", contacts.stream().map(ImportedContact::phone).toArray(String[]::new))
                    .param("names", contacts.stream().map(c -> c.name() == null ? "" : c.name()).toArray(String[]::new))
                    .param("emails", contacts.stream().map(ImportedContact::email).toArray(String[]::new))
                    .param("notes", contacts.stream().map(c -> c.notes() == null ? "" : c.notes()).toArray(String[]::new))
                    .param("a", accountId).param("p", profileId).param("now", Timestamp.from(now))
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBoolean(2))).list();
            UUID[] changed = written.stream().filter(row -> !row.made()).map(Row::id).toArray(UUID[]::new);
            if (changed.length > 0) {
                jdbc.sql(COPY_TO_CONVERSATIONS).param("ids", changed).update();
            }
            int created = (int) written.stream().filter(Row::made).count();
            return new Written(created, changed.length, contacts.size() - written.size());
        });
    }
}
