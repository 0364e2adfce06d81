package com.leadline.integrations.internal.contactimport;

import com.leadline.integrations.internal.contactimport.ContactImportStore.Import;
import com.leadline.team.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contacts import as JSON under /api/v1/contacts/imports: upload a CSV file, start it with a mapping, follow it. */
@Tag(name = "Contacts import", description = "Contacts imported from a CSV file into one profile, in the background. Owner, "
        + "admins and partner admins.")
@RestController
@RequestMapping("/api/v1/contacts/imports")
class ContactImportApiController {

    /** Zero-based columns of the file for each field; phone is required to start. */
    record MappingJson(Integer phone, Integer name, Integer email, Integer notes) {

        static MappingJson of(Mapping mapping) {
            return mapping == null ? null : new MappingJson(mapping.phone(), mapping.name(), mapping.email(), mapping.notes());
        }

        Mapping mapping() {
            return new Mapping(phone, name, email, notes);
        }
    }

    record UploadedJson(UUID id, String fileName, String status, int totalRows, List<String> header, List<List<String>> previewRows,
                        MappingJson suggestedMapping) {
    }

    record CountsJson(int processed, int created, int updated, int unchanged, int failed) {
    }

    record ProblemJson(int row, String field, String message, String value) {
    }

    record ImportJson(UUID id, String fileName, String status, int totalRows, UUID profileId, MappingJson mapping, CountsJson counts,
                      Instant createdAt, Instant startedAt, Instant finishedAt, List<ProblemJson> firstErrors) {
    }

    record StartJson(UUID profileId, MappingJson mapping) {
    }

    private final ContactImportService imports;

    ContactImportApiController(ContactImportService imports) {
        this.imports = imports;
    }

    @Operation(summary = "Upload a contacts file",
            description = "The body is the CSV file itself (Content-Type text/csv): UTF-8, with or without a byte order mark, "
                    + "commas, a header row first, up to leadline.contacts-import.max-file-size (20 MB by default; 413 above it). "
                    + "Answers with the header, the first rows and the mapping the header names suggest; nothing is imported "
                    + "until the import is started.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "201", description = "Kept, waiting for its mapping.")
    @ApiResponse(responseCode = "413", description = "The file is larger than leadline.contacts-import.max-file-size (20 MB by default).")
    @ApiResponse(responseCode = "415", description = "The body is not text/csv.")
    @ApiResponse(responseCode = "422", description = "Not a CSV file of contacts (empty, no rows under the header, binary, not UTF-8, "
            + "more than 50 columns, a row over 20,000 characters, a quoted cell not closed); `errors.file` says which.")
    @PostMapping(consumes = "text/csv")
    ResponseEntity<UploadedJson> upload(Actor actor, @org.springframework.web.bind.annotation.RequestBody(required = false) byte[] body,
                                        @RequestHeader(value = "X-File-Name", required = false) String fileName) {
        UUID id = imports.upload(actor, fileName == null ? "contacts.csv" : fileName, body);
        ContactImportService.Preview preview = imports.preview(actor, id);
        Import job = preview.job();
        return ResponseEntity.created(URI.create("/api/v1/contacts/imports/" + id)).body(new UploadedJson(id, job.fileName(),
                status(job), job.totalRows(), job.header(), preview.rows().stream().map(ContactFile.Row::cells).toList(),
                MappingJson.of(preview.suggested())));
    }

    @Operation(summary = "Read an import",
            description = "Its state (uploaded, running, done), how many rows were processed, created, updated, unchanged "
                    + "(already as the file says) and failed, and the first 20 rows it could not import with their row "
                    + "numbers in the file (the header is row 1).")
    @GetMapping("/{id}")
    ImportJson get(Actor actor, @PathVariable UUID id) {
        return json(imports.progress(actor, id));
    }

    @Operation(summary = "Start an import",
            description = "Into one profile the caller works in, with the file's column for each field (phone required). "
                    + "Returns at once; the rows are imported in the background, by phone number: a number the profile "
                    + "has updates that contact (name, email and notes where the file gives them), any other makes one. "
                    + "409 when it already started.")
    @ApiResponse(responseCode = "202", description = "Started.")
    @PostMapping("/{id}/start")
    ResponseEntity<ImportJson> start(Actor actor, @PathVariable UUID id,
                                     @org.springframework.web.bind.annotation.RequestBody StartJson body) {
        Import job = imports.start(actor, id, body.profileId(), body.mapping() == null ? null : body.mapping().mapping());
        return ResponseEntity.accepted().body(json(new ContactImportService.Progress(job, List.of())));
    }

    /** Streamed as it is read; any Accept header gets CSV (a refusal answers as problem details). */
    @Operation(summary = "Download an import's errors as CSV",
            description = "Every row the import could not import: row number (the header is row 1), field, problem and what "
                    + "the cell said.")
    @ApiResponse(responseCode = "200", description = "The CSV file (UTF-8).",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/{id}/errors.csv")
    void errors(Actor actor, @PathVariable UUID id, HttpServletResponse response) {
        imports.problems(actor, id, fileName -> {
            response.setContentType("text/csv");
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
            return response.getWriter();
        });
    }

    static String status(Import job) {
        return job.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ImportJson json(ContactImportService.Progress progress) {
        Import job = progress.job();
        ContactImportStore.Counts c = job.counts();
        return new ImportJson(job.id(), job.fileName(), status(job), job.totalRows(), job.profileId(), MappingJson.of(job.mapping()),
                new CountsJson(c.processed(), c.created(), c.updated(), c.unchanged(), c.failed()), job.createdAt(), job.startedAt(),
                job.finishedAt(), progress.firstProblems().stream()
                .map(p -> new ProblemJson(p.row(), p.field(), p.message(), p.value())).toList());
    }
}
