package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.contact.ContactService;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.conversation.ContactPages;
import com.leadline.team.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contacts as JSON under /api/v1/contacts: those of the actor's profiles; their conversations through the one rule. */
@Tag(name = "Contacts", description = "Contacts of the caller's profiles.")
@RestController
@RequestMapping("/api/v1/contacts")
class ContactsApiController {

    record ContactJson(UUID id, UUID profileId, String name, String phone, String email, String notes) {
    }

    record ContactWithConversations(ContactJson contact, List<InboxApiController.ConversationJson> conversations) {
    }

    record ContactChange(String name, String phone, String email, String notes) {
    }

    private final ContactService contacts;
    private final ContactPages contactPages;

    ContactsApiController(ContactService contacts, ContactPages contactPages) {
        this.contacts = contacts;
        this.contactPages = contactPages;
    }

    /** 50 at a time by name; the next page starts after the last one's name (as afterName) and id (as afterId). */
    @Operation(summary = "List contacts",
            description = "50 by name (case ignored) from the caller's profiles; the following page starts after the last one's "
                    + "name and id.")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Part of a contact's name, email or phone number.")
    @Parameter(name = "afterName", in = ParameterIn.QUERY, description = "The cursor: the last contact's name.")
    @Parameter(name = "afterId", in = ParameterIn.QUERY, description = "The cursor: the last contact's id.")
    @GetMapping
    List<ContactJson> list(Actor actor, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String afterName,
                           @RequestParam(required = false) UUID afterId) {
        ContactService.Cursor after = afterName == null ? null : new ContactService.Cursor(afterName, afterId);
        return contacts.contacts(actor, q, after).contacts().stream().map(ContactsApiController::json).toList();
    }

    @Operation(summary = "Read a contact",
            description = "The contact and only the conversations the caller may see; 404 for a contact outside their profiles.")
    @GetMapping("/{id}")
    ContactWithConversations get(Actor actor, @PathVariable UUID id) {
        ContactPages.ContactPage page = contactPages.of(actor, id);
        return new ContactWithConversations(json(page.contact()),
                page.conversations().stream().map(InboxApiController::json).toList());
    }

    @Operation(summary = "Edit a contact",
            description = "Name, phone (as libphonenumber reads it, national numbers in the profile's country), email and "
                    + "notes; for those who work conversations in the contact's profile.")
    @ApiResponse(responseCode = "204", description = "Saved.")
    @PutMapping("/{id}")
    ResponseEntity<Void> update(Actor actor, @PathVariable UUID id, @RequestBody ContactChange body) {
        contacts.update(actor, id, new ContactService.ContactForm(body.name(), body.phone(), body.email(), body.notes()));
        return ResponseEntity.noContent().build();
    }

    /** Streamed as it is read; any Accept header gets CSV (a refusal answers as problem details). */
    @Operation(summary = "Export contacts as CSV",
            description = "Every contact of the caller's profiles as an attachment, with counts of only the conversations the "
                    + "caller may see. Owner, admins and partner admins. Cells that start with = + - or @ begin with an "
                    + "apostrophe.")
    @ApiResponse(responseCode = "200", description = "The CSV file (UTF-8).",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/export.csv")
    void export(Actor actor, HttpServletResponse response) {
        contacts.export(actor, fileName -> {
            response.setContentType("text/csv");
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
            return response.getWriter();
        });
    }

    private static ContactJson json(ContactStore.Contact contact) {
        return new ContactJson(contact.id(), contact.profileId(), contact.name(), contact.phone(), contact.email(), contact.notes());
    }
}
