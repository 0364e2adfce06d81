package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.inbox.internal.conversation.ConversationStore.Message;
import com.leadline.inbox.internal.conversation.InboxPages.Cursor;
import com.leadline.inbox.internal.conversation.InboxPages.Filter;
import com.leadline.platform.GenericPlanReads;
import com.leadline.team.Actor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading the Inbox: a tab's pages, the unread counts and a conversation's thread, one transaction each. */
@Service
public class InboxReads {

    public static final int PAGE_SIZE = 50;

    public record Page(List<Conversation> conversations, Cursor next) {
    }

    public record Thread(Conversation conversation, List<Message> messages, ContactStore.Contact contact,
                         List<Conversation> otherConversations, List<ReminderStore.Reminder> reminders) {
    }

    private final InboxPages pages;
    private final ConversationStore conversations;
    private final UnreadFlags flags;
    private final ContactStore contacts;
    private final ReminderStore reminders;
    private final ConversationAccess access;
    private final TransactionTemplate transactions;
    private final TransactionTemplate pageReads;

    InboxReads(InboxPages pages, ConversationStore conversations, UnreadFlags flags, ContactStore contacts,
               ReminderStore reminders, ConversationAccess access, TransactionTemplate transactions) {
        this.pages = pages;
        this.conversations = conversations;
        this.flags = flags;
        this.contacts = contacts;
        this.reminders = reminders;
        this.access = access;
        this.transactions = transactions;
        this.pageReads = new GenericPlanReads(transactions.getTransactionManager());
    }

    public Page list(Actor actor, Tab tab, Filter filter, Cursor after) {
        return pageReads.execute(status -> {
            List<Conversation> rows = new ArrayList<>(pages.page(Visibility.of(actor), tab, filter, after, PAGE_SIZE + 1));
            if (rows.size() <= PAGE_SIZE) {
                return new Page(rows, null);
            }
            Conversation last = rows.get(PAGE_SIZE - 1);
            return new Page(rows.subList(0, PAGE_SIZE), new Cursor(last.group(), last.lastActivityAt(), last.id()));
        });
    }

    /** Per tab, the conversations the rule shows that the actor has not read. */
    public Map<Tab, Integer> unreadCounts(Actor actor) {
        return transactions.execute(status -> new EnumMap<>(flags.counts(Visibility.of(actor))));
    }

    /** The profile of a conversation the actor sees (404 otherwise), without reading it. */
    public UUID profileOf(Actor actor, UUID conversationId) {
        return transactions.execute(status -> access.visible(actor, conversationId).profileId());
    }

    /** Opening a conversation reads it: it is no longer unread for the actor (and for nobody else). */
    public Thread thread(Actor actor, UUID conversationId) {
        return transactions.execute(status -> {
            Conversation conversation = access.visible(actor, conversationId);
            flags.markRead(actor.userId(), conversationId);
            List<Conversation> others = conversations.ofContact(Visibility.of(actor), conversation.contactId()).stream()
                    .filter(other -> !other.id().equals(conversationId)).toList();
            return new Thread(conversation, conversations.messages(conversationId),
                    contacts.find(conversation.contactId()).orElseThrow(), others, reminders.of(conversationId));
        });
    }
}
