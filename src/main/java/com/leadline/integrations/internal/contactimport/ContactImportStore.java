package com.leadline.integrations.internal.contactimport;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contact imports of the current account (row-level security applies) and the rows they could not import. */
@Repository
class ContactImportStore {

    enum Status { UPLOADED, RUNNING, DONE }

    /** An import without its file's text (read apart, by the worker and the preview). */
    record Import(UUID id, UUID uploadedBy, String fileName, List<String> header, int totalRows, Status status, UUID profileId,
                  UUID startedBy, Mapping mapping, int nextRecord, Counts counts, Instant createdAt, Instant startedAt,
                  Instant finishedAt) {
    }

    record Counts(int processed, int created, int updated, int unchanged, int failed) {

        Counts plus(Counts more) {
            return new Counts(processed + more.processed, created + more.created, updated + more.updated,
                    unchanged + more.unchanged, failed + more.failed);
        }
    }

    private static final String COLUMNS = """
            id, uploaded_by, file_name, header, total_rows, status, profile_id, started_by, phone_column, name_column, email_column,
            notes_column, next_record, processed, created, updated, unchanged, failed, created_at, started_at, finished_at""";

    private final JdbcClient jdbc;

    ContactImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID accountId, UUID id, UUID uploadedBy, String fileName, ContactFile.Parsed file, Instant now) {
        jdbc.sql("""
                        INSERT INTO contact_imports (account_id, id, uploaded_by, file_name, content, header, total_rows, status, created_at)
                        VALUES (:a, :id, :by, :name, :content, :header, :rows, 'uploaded', :now)""")
                .param("a", accountId).param("id", id).param("by", uploadedBy).param("name", fileName)
                .param("content", file.content()).param("header", file.header().toArray(String[]::new))
                .param("rows", file.rows()).param("now", Timestamp.from(now)).update();
    }

    Optional<Import> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_imports WHERE id = :id").param("id", id)
                .query(ContactImportStore::row).optional();
    }

    /** The same, locked for the rest of the transaction (starting it twice at once: the second waits, then sees it running). */
    Optional<Import> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_imports WHERE id = :id FOR UPDATE").param("id", id)
                .query(ContactImportStore::row).optional();
    }

    /** Running imports no worker holds (its lease ran out, or it was just started), in every account: for the worker only. */
    record Due(UUID accountId, UUID id) {
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT account_id, id FROM integrations_contact_imports_due(:now, :limit)")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    String content(UUID id) {
        return jdbc.sql("SELECT content FROM contact_imports WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** Uploaded to running, due at once; false when it was not waiting for its mapping. */
    boolean start(UUID id, UUID profileId, UUID startedBy, Mapping mapping, Instant now) {
        return jdbc.sql("""
                        UPDATE contact_imports SET status = 'running', profile_id = :p, started_by = :by, phone_column = :phone,
                               name_column = :name, email_column = :email, notes_column = :notes, started_at = :now, lease_until = :now
                        WHERE id = :id AND status = 'uploaded'""")
                .param("p", profileId).param("by", startedBy).param("phone", mapping.phone())
                .param("name", mapping.name(), Types.INTEGER).param("email", mapping.email(), Types.INTEGER)
                .param("notes", mapping.notes(), Types.INTEGER).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** Takes a running import whose lease ran out (or that was just started) for this worker until {@code leaseUntil}. */
    Optional<Import> claim(UUID id, UUID claim, Instant now, Instant leaseUntil) {
        return jdbc.sql("UPDATE contact_imports SET claim_id = :claim, lease_until = :until "
                        + "WHERE id = :id AND status = 'running' AND lease_until <= :now RETURNING " + COLUMNS)
                .param("claim", claim).param("until", Timestamp.from(leaseUntil)).param("id", id).param("now", Timestamp.from(now))
                .query(ContactImportStore::row).optional();
    }

    /**
     * Records a committed batch (in its transaction) if this worker still holds the claim, renewing the lease;
     * false when another worker claimed the import since (the batch must then roll back).
     */
    boolean advance(UUID id, UUID claim, int nextRecord, Counts batch, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE contact_imports SET next_record = :next, processed = processed + :processed, created = created + :created,
                               updated = updated + :updated, unchanged = unchanged + :unchanged, failed = failed + :failed,
                               lease_until = :until
                        WHERE id = :id AND claim_id = :claim AND status = 'running'""")
                .param("next", nextRecord).param("processed", batch.processed()).param("created", batch.created())
                .param("updated", batch.updated()).param("unchanged", batch.unchanged()).param("failed", batch.failed())
                .param("until", Timestamp.from(leaseUntil)).param("id", id).param("claim", claim).update() == 1;
    }

    /** Done: the file's text is let go, the counts and the rows it could not import stay. */
    void finish(UUID id, Instant now) {
        jdbc.sql("""
                        UPDATE contact_imports SET status = 'done', finished_at = :now, content = '', lease_until = NULL, claim_id = NULL
                        WHERE id = :id""")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    void addProblems(UUID accountId, UUID importId, List<RowCheck.Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO contact_import_errors (account_id, import_id, row_number, field, message, value)
                        SELECT :a, :i, * FROM unnest(CAST(:rows AS int[]), CAST(:fields AS text[]), CAST(:messages AS text[]),
                                                     CAST(:values AS text[]))""")
                .param("a", accountId).param("i", importId)
                .param("rows", problems.stream().map(RowCheck.Problem::row).toArray(Integer[]::new))
                .param("fields", problems.stream().map(RowCheck.Problem::field).toArray(String[]::new))
                .param("messages", problems.stream().map(RowCheck.Problem::message).toArray(String[]::new))
                .param("values", problems.stream().map(RowCheck.Problem::value).toArray(String[]::new)).update();
    }

    /** The rows it could not import, by row number, after {@code afterRow}, up to {@code limit}. */
    List<RowCheck.Problem> problems(UUID importId, int afterRow, int limit) {
        return jdbc.sql("""
                        SELECT row_number, field, message, value FROM contact_import_errors
                        WHERE import_id = :i AND row_number > :after ORDER BY row_number LIMIT :limit""")
                .param("i", importId).param("after", afterRow).param("limit", limit)
                .query((rs, n) -> new RowCheck.Problem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private static Import row(ResultSet rs, int n) throws SQLException {
        Array header = rs.getArray("header");
        Mapping mapping = rs.getObject("phone_column") == null ? null
                : new Mapping(rs.getInt("phone_column"), integer(rs, "name_column"), integer(rs, "email_column"),
                integer(rs, "notes_column"));
        return new Import(rs.getObject("id", UUID.class), rs.getObject("uploaded_by", UUID.class), rs.getString("file_name"),
                Arrays.asList((String[]) header.getArray()), rs.getInt("total_rows"),
                Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)), rs.getObject("profile_id", UUID.class),
                rs.getObject("started_by", UUID.class), mapping, rs.getInt("next_record"),
                new Counts(rs.getInt("processed"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("failed")),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
