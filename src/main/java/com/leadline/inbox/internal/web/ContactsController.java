package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.contact.ContactService;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.conversation.ContactPages;
import com.leadline.platform.FormRefusals;
import com.leadline.accounts.Profiles;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Contacts page (search, keyset paging, export link) and a contact's page with its conversations and form. */
@Controller
class ContactsController {

    private final ContactService contacts;
    private final ContactPages contactPages;
    private final Profiles profiles;
    private final InboxPageModel inboxPages;

    ContactsController(ContactService contacts, ContactPages contactPages, Profiles profiles, InboxPageModel inboxPages) {
        this.contacts = contacts;
        this.contactPages = contactPages;
        this.profiles = profiles;
        this.inboxPages = inboxPages;
    }

    @GetMapping("/contacts")
    String list(Actor actor, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String afterName,
                @RequestParam(required = false) UUID afterId, HttpServletRequest request, Model model) {
        ContactService.Cursor after = afterName == null ? null : new ContactService.Cursor(afterName, afterId);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            return list(actor, "", null, null, request, model);
        });
        model.addAttribute("page", contacts.contacts(actor, q, after));
        model.addAttribute("q", q);
        model.addAttribute("firstPage", after == null);
        model.addAttribute("canExport", actor.can(Permission.EXPORT_CONTACTS));
        model.addAttribute("canImport", actor.can(Permission.CONFIGURE_INTEGRATIONS));
        model.addAttribute("profileNames", profileNames());
        return "inbox/contacts";
    }

    @GetMapping("/contacts/{id}")
    String show(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String saved, Model model) {
        ContactPages.ContactPage page = contactPages.of(actor, id);
        ContactStore.Contact contact = page.contact();
        model.addAttribute("saved", saved != null);
        fill(actor, page, new ContactService.ContactForm(contact.name(), contact.phone(), contact.email(), contact.notes()), model);
        return "inbox/contact";
    }

    @PostMapping("/contacts/{id}")
    String update(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String notes, HttpServletRequest request, Model model) {
        ContactService.ContactForm form = new ContactService.ContactForm(name, phone, email, notes);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            fill(actor, contactPages.of(actor, id), form, model);
            return "inbox/contact";
        });
        contacts.update(actor, id, form);
        return "redirect:/contacts/" + id + "?saved";
    }

    private void fill(Actor actor, ContactPages.ContactPage page, ContactService.ContactForm form, Model model) {
        model.addAttribute("contact", page.contact());
        model.addAttribute("optOut", page.optOut());
        model.addAttribute("zone", inboxPages.zoneOf(page.contact().profileId()));
        model.addAttribute("conversations", page.conversations());
        model.addAttribute("form", form);
        model.addAttribute("canEdit", actor.can(Permission.WORK_CONVERSATIONS));
        model.addAttribute("profileNames", profileNames());
    }

    private Map<UUID, String> profileNames() {
        return profiles.all().stream().collect(Collectors.toMap(Profiles.ProfileSummary::id, Profiles.ProfileSummary::name));
    }
}
