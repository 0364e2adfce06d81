package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.contact.ContactService;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.conversation.ContactPages;
import com.leadline.team.Actor;
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
    @GetMapping
    List<ContactJson> list(Actor actor, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String afterName,
                           @RequestParam(required = false) UUID afterId) {
        ContactService.Cursor after = afterName == null ? null : new ContactService.Cursor(afterName, afterId);
        return contacts.contacts(actor, q, after).contacts().stream().map(ContactsApiController::json).toList();
    }

    @GetMapping("/{id}")
    ContactWithConversations get(Actor actor, @PathVariable UUID id) {
        ContactPages.ContactPage page = contactPages.of(actor, id);
        return new ContactWithConversations(json(page.contact()),
                page.conversations().stream().map(InboxApiController::json).toList());
    }

    @PutMapping("/{id}")
    ResponseEntity<Void> update(Actor actor, @PathVariable UUID id, @RequestBody ContactChange body) {
        contacts.update(actor, id, new ContactService.ContactForm(body.name(), body.phone(), body.email(), body.notes()));
        return ResponseEntity.noContent().build();
    }

    /** Streamed as it is read; any Accept header gets CSV (a refusal answers as problem details). */
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
