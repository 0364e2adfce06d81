package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.contact.ContactService;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.contact.ContactStore.Contact;
import com.leadline.inbox.internal.contact.ContactStore.OptOut;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A contact's page: the contact, of one of the actor's profiles, with only the conversations the rule lets the actor see. */
@Service
public class ContactPages {

    public record ContactPage(Contact contact, OptOut optOut, List<Conversation> conversations) {
    }

    private final ContactService contacts;
    private final ContactStore store;
    private final ConversationStore conversations;
    private final TransactionTemplate transactions;

    ContactPages(ContactService contacts, ContactStore store, ConversationStore conversations, TransactionTemplate transactions) {
        this.contacts = contacts;
        this.store = store;
        this.conversations = conversations;
        this.transactions = transactions;
    }

    public ContactPage of(Actor actor, UUID contactId) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> new ContactPage(contacts.visible(actor, contactId), store.optOut(contactId),
                conversations.ofContact(Visibility.of(actor), contactId)));
    }
}
