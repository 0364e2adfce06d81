package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.SearchText;
import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.inbox.internal.conversation.ConversationStore.Message;
import com.leadline.inbox.internal.conversation.InboxPages.Cursor;
import com.leadline.inbox.internal.conversation.InboxPages.Filter;
import com.leadline.platform.GenericPlanReads;
import com.leadline.platform.InvalidInputException;
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

    /** A page of a tab; with a search, per conversation shown, the newest message that matched (none when only its contact did). */
    public record Page(List<Conversation> conversations, Cursor next, Map<UUID, SearchHighlight.Match> matches) {

        Page(List<Conversation> conversations, Cursor next) {
            this(conversations, next, Map.of());
        }
    }

    public record Thread(Conversation conversation, List<Message> messages, ContactStore.Contact contact, ContactStore.OptOut optOut,
                         List<Conversation> otherConversations, List<ReminderStore.Reminder> reminders) {
    }

    private final InboxPages pages;
    private final InboxSearch search;
    private final ConversationStore conversations;
    private final UnreadFlags flags;
    private final ContactStore contacts;
    private final ReminderStore reminders;
    private final ConversationAccess access;
    private final TransactionTemplate transactions;
    private final TransactionTemplate pageReads;

    InboxReads(InboxPages pages, InboxSearch search, ConversationStore conversations, UnreadFlags flags, ContactStore contacts,
               ReminderStore reminders, ConversationAccess access, TransactionTemplate transactions) {
        this.pages = pages;
        this.search = search;
        this.conversations = conversations;
        this.flags = flags;
        this.contacts = contacts;
        this.reminders = reminders;
        this.access = access;
        this.transactions = transactions;
        this.pageReads = new GenericPlanReads(transactions.getTransactionManager());
    }

    /** A tab's page after the cursor (null: the first), narrowed by the filter; a search longer than allowed is refused (422). */
    public Page list(Actor actor, Tab tab, Filter filter, Cursor after) {
        String text = SearchText.checked(filter.search());
        return pageReads.execute(status -> text.isEmpty() ? listPage(actor, tab, filter, after) : searchPage(actor, tab, filter, text, after));
    }

    private Page listPage(Actor actor, Tab tab, Filter filter, Cursor after) {
        List<Conversation> rows = new ArrayList<>(pages.page(Visibility.of(actor), tab, filter, after, PAGE_SIZE + 1));
        if (rows.size() <= PAGE_SIZE) {
            return new Page(rows, null);
        }
        Conversation last = rows.get(PAGE_SIZE - 1);
        return new Page(rows.subList(0, PAGE_SIZE), new Cursor(last.group(), last.lastActivityAt(), last.id()));
    }

    /** Search results are one list, newest activity first, whatever their state: the cursor's group stays 0. */
    private Page searchPage(Actor actor, Tab tab, Filter filter, String text, Cursor after) {
        List<Conversation> rows = search.page(Visibility.of(actor), tab, filter, text, after, PAGE_SIZE + 1);
        Cursor next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = new Cursor(0, rows.get(PAGE_SIZE - 1).lastActivityAt(), rows.get(PAGE_SIZE - 1).id());
        }
        return new Page(rows, next, search.matches(text, rows.stream().map(Conversation::id).toList()));
    }

    /**
     * How many conversations a search finds in the tab, through the filters and the rule, counted up to
     * 1,000: asked apart from the page, which need not wait for it (a count reads more than a page).
     */
    public InboxSearch.Count searchCount(Actor actor, Tab tab, Filter filter) {
        String text = SearchText.checked(filter.search());
        if (text.isEmpty()) {
            throw InvalidInputException.of("q", "Type something to search for.");
        }
        return pageReads.execute(status -> search.count(Visibility.of(actor), tab, filter, text));
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
                    contacts.find(conversation.contactId()).orElseThrow(), contacts.optOut(conversation.contactId()), others,
                    reminders.of(conversationId));
        });
    }
}
