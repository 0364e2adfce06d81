package com.leadline.integrations.internal.contactimport;

import com.leadline.accounts.Profiles;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditLog;
import com.leadline.integrations.internal.contactimport.ContactImportStore.Import;
import com.leadline.integrations.internal.contactimport.ContactImportStore.Status;
import com.leadline.platform.ConflictException;
import com.leadline.platform.Csv;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contacts import's use cases (PERMISSIONS.md row 20: owner, admins and Admin-level partners), one
 * transaction each: upload a CSV file, preview it with a suggested mapping, start it into one of the actor's
 * profiles (the worker does the rest), follow its progress, download the rows it could not import. An import
 * is seen by whoever uploaded it, and once started by those who work in its profile; others are told it does
 * not exist (404).
 */
@Service
class ContactImportService {

    static final int PREVIEW_ROWS = 5;
    static final int FIRST_PROBLEMS = 20;
    private static final int MAX_FILE_NAME = 255;
    private static final int CSV_BATCH = 1000;

    record Preview(Import job, List<ContactFile.Row> rows, Mapping suggested, List<Profiles.ProfileSummary> profiles) {
    }

    record Progress(Import job, List<RowCheck.Problem> firstProblems) {
    }

    interface CsvTarget {
        Writer open(String fileName) throws IOException;
    }

    private final ContactImportStore store;
    private final ContactImportWorker worker;
    private final Profiles profiles;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ContactImportService(ContactImportStore store, ContactImportWorker worker, Profiles profiles, AuditLog audit,
                         TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.profiles = profiles;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Reads the file (refused under "file" when it is not a CSV file of contacts) and keeps it, waiting for its mapping. */
    UUID upload(Actor actor, String fileName, byte[] bytes) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        String name = fileName == null ? "" : fileName.strip();
        name = name.length() <= MAX_FILE_NAME ? name : name.substring(name.length() - MAX_FILE_NAME);
        ContactFile.Parsed file = ContactFile.read(bytes);
        UUID id = UUID.randomUUID();
        String kept = name;
        transactions.executeWithoutResult(status -> store.insert(actor.accountId(), id, actor.userId(), kept, file, clock.instant()));
        return id;
    }

    /** The header, the first rows, the mapping its header names suggest, and the profiles it may go to. */
    Preview preview(Actor actor, UUID id) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            Import job = visible(actor, id);
            List<ContactFile.Row> rows = job.status() == Status.DONE ? List.of() : ContactFile.first(store.content(id), PREVIEW_ROWS);
            return new Preview(job, rows, Mapping.suggested(job.header()), choices(actor));
        });
    }

    /** The profiles the actor may import into: those they work in. */
    List<Profiles.ProfileSummary> choices(Actor actor) {
        return profiles.all().stream().filter(p -> actor.profileIds().contains(p.id())).toList();
    }

    /**
     * Starts the import into the profile with the mapping, and returns at once; 409 when it already started, 422 for a
     * mapping without a phone column, a column out of the file or a profile the actor does not work in.
     */
    Import start(Actor actor, UUID id, UUID profileId, Mapping mapping) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        return transactions.execute(status -> {
            Import job = store.lock(id).filter(found -> seen(actor, found)).orElseThrow(NotFoundException::new);
            if (job.status() != Status.UPLOADED) {
                throw new ConflictException("This import has already started.");
            }
            check(actor, job, profileId, mapping);
            store.start(id, profileId, actor.userId(), mapping, clock.instant());
            audit.record(AuditEntry.of("contact_import.started", AuditEntry.Outcome.SUCCESS).inAccount(actor.accountId())
                    .by(actor.userId()).on("contact_import", id).aboutProfile(profileId)
                    .with(Map.of("file", job.fileName(), "rows", Integer.toString(job.totalRows()))));
            worker.wakeUpAfterCommit();
            return store.find(id).orElseThrow();
        });
    }

    private void check(Actor actor, Import job, UUID profileId, Mapping mapping) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (profileId == null || !actor.profileIds().contains(profileId)) {
            errors.put("profileId", "Choose one of your profiles to import into.");
        }
        Mapping chosen = mapping == null ? new Mapping(null, null, null, null) : mapping;
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (String field : List.of("phone", "name", "email", "notes")) {
            Integer column = chosen.column(field);
            if (column == null) {
                continue;
            }
            if (column < 0 || column >= job.header().size()) {
                errors.put(field, "Choose one of the file's columns.");
            } else if (!used.add(column)) {
                errors.put(field, "This column is already chosen for another field.");
            }
        }
        if (chosen.phone() == null) {
            errors.put("phone", "Choose the column with the phone numbers: every contact needs one.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Where the import is, with the first rows it could not import; a running import nobody works on is woken. */
    Progress progress(Actor actor, UUID id) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        Progress progress = transactions.execute(status -> {
            Import job = visible(actor, id);
            return new Progress(job, store.problems(id, 0, FIRST_PROBLEMS));
        });
        if (progress.job().status() == Status.RUNNING) {
            worker.wakeUp();
        }
        return progress;
    }

    /** Every row the import could not import, as CSV: row number, field, problem, what the cell said. */
    void problems(Actor actor, UUID id, CsvTarget target) {
        actor.require(Permission.CONFIGURE_INTEGRATIONS);
        transactions.executeWithoutResult(status -> {
            visible(actor, id);
            try {
                Writer out = target.open("contact-import-errors-" + id.toString().substring(0, 8) + ".csv");
                out.write(Csv.row(List.of("Row", "Field", "Problem", "Value")));
                int after = 0;
                List<RowCheck.Problem> batch;
                do {
                    batch = store.problems(id, after, CSV_BATCH);
                    for (RowCheck.Problem problem : batch) {
                        out.write(Csv.row(List.of(Integer.toString(problem.row()), problem.field(), problem.message(), problem.value())));
                        after = problem.row();
                    }
                } while (batch.size() == CSV_BATCH);
                out.flush();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
    }

    private Import visible(Actor actor, UUID id) {
        return store.find(id).filter(job -> seen(actor, job)).orElseThrow(NotFoundException::new);
    }

    private static boolean seen(Actor actor, Import job) {
        return job.uploadedBy().equals(actor.userId()) || job.profileId() != null && actor.profileIds().contains(job.profileId());
    }
}
