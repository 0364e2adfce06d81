package com.leadline.inbox.internal;

import com.leadline.team.Actor;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    private final InboxService inbox;

    ContactsApiController(InboxService inbox) {
        this.inbox = inbox;
    }

    /** 50 at a time by name; the next page starts after the last one's afterName (its name in lower case) and afterId. */
    @GetMapping
    List<ContactJson> list(Actor actor, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String afterName,
                           @RequestParam(required = false) UUID afterId) {
        return inbox.contacts(actor, q, afterName, afterId).stream().map(ContactsApiController::json).toList();
    }

    @GetMapping("/{id}")
    ContactWithConversations get(Actor actor, @PathVariable UUID id) {
        InboxService.ContactPage page = inbox.contact(actor, id);
        return new ContactWithConversations(json(page.contact()),
                page.conversations().stream().map(InboxApiController::json).toList());
    }

    private static ContactJson json(ConversationStore.Contact contact) {
        return new ContactJson(contact.id(), contact.profileId(), contact.name(), contact.phone(), contact.email(), contact.notes());
    }
}
