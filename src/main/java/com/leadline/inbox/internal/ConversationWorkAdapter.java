package com.leadline.inbox.internal;

import com.leadline.inbox.ConversationWork;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ConversationWork} by the inbox and contact use cases. */
@Component
class ConversationWorkAdapter implements ConversationWork {

    private final InboxService inbox;
    private final ContactService contacts;
    private final ConversationStore conversations;
    private final TransactionTemplate transactions;

    ConversationWorkAdapter(InboxService inbox, ContactService contacts, ConversationStore conversations,
                            TransactionTemplate transactions) {
        this.inbox = inbox;
        this.contacts = contacts;
        this.conversations = conversations;
        this.transactions = transactions;
    }

    @Override
    public void open(Actor actor, UUID conversationId) {
        inbox.thread(actor, conversationId);
    }

    @Override
    public void reply(Actor actor, UUID conversationId, String body) {
        inbox.reply(actor, conversationId, body);
    }

    @Override
    public void assign(Actor actor, UUID conversationId, UUID assigneeId) {
        inbox.assign(actor, conversationId, assigneeId);
    }

    @Override
    public void close(Actor actor, UUID conversationId, String outcome) {
        inbox.close(actor, conversationId, outcome);
    }

    /** The contact is found through the conversation; whether the actor may see and edit it is the use case's to say. */
    @Override
    public void describeContact(Actor actor, UUID conversationId, String name, String email) {
        ConversationStore.Contact contact = transactions.execute(status -> conversations.find(conversationId)
                .flatMap(conversation -> conversations.contact(conversation.contactId())).orElseThrow(NotFoundException::new));
        contacts.update(actor, contact.id(), new ContactService.ContactForm(name, contact.phone(), email, contact.notes()));
    }
}
