package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.ConversationWork;
import com.leadline.inbox.internal.contact.ContactService;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ConversationWork} by the inbox and contact use cases. */
@Component
class ConversationWorkAdapter implements ConversationWork {

    private final InboxReads reads;
    private final Replies replies;
    private final Assignments assignments;
    private final ConversationMoves moves;
    private final ContactService contactService;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final TransactionTemplate transactions;

    ConversationWorkAdapter(InboxReads reads, Replies replies, Assignments assignments, ConversationMoves moves,
                            ContactService contactService, ConversationStore conversations, ContactStore contacts,
                            TransactionTemplate transactions) {
        this.reads = reads;
        this.replies = replies;
        this.assignments = assignments;
        this.moves = moves;
        this.contactService = contactService;
        this.conversations = conversations;
        this.contacts = contacts;
        this.transactions = transactions;
    }

    @Override
    public void open(Actor actor, UUID conversationId) {
        reads.thread(actor, conversationId);
    }

    @Override
    public void reply(Actor actor, UUID conversationId, String body) {
        replies.reply(actor, conversationId, body);
    }

    @Override
    public void assign(Actor actor, UUID conversationId, UUID assigneeId) {
        assignments.assign(actor, conversationId, assigneeId);
    }

    @Override
    public void close(Actor actor, UUID conversationId, String outcome) {
        moves.close(actor, conversationId, outcome);
    }

    /** The contact is found through the conversation; whether the actor may see and edit it is the use case's to say. */
    @Override
    public void describeContact(Actor actor, UUID conversationId, String name, String email) {
        ContactStore.Contact contact = transactions.execute(status -> conversations.find(conversationId)
                .flatMap(conversation -> contacts.find(conversation.contactId())).orElseThrow(NotFoundException::new));
        contactService.update(actor, contact.id(), new ContactService.ContactForm(name, contact.phone(), email, contact.notes()));
    }
}
