package com.leadline.inbox.internal.conversation;

import com.leadline.accounts.Profiles;
import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.Tenancy;
import com.leadline.team.Memberships;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbound door every channel uses: a text from a number lands in that number's contact of the
 * profile (a new one if none) and its live conversation (a new one if none), unread for the profile's people.
 */
@Service
class IncomingTexts implements InboundTexts {

    private static final String PHONE = "\\+[1-9][0-9]{6,14}";

    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final UnreadFlags flags;
    private final InboxEvents events;
    private final Profiles profiles;
    private final Memberships memberships;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IncomingTexts(ConversationStore conversations, ContactStore contacts, UnreadFlags flags, InboxEvents events, Profiles profiles,
                  Memberships memberships, Tenancy tenancy, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.flags = flags;
        this.events = events;
        this.profiles = profiles;
        this.memberships = memberships;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UUID receiveInbound(UUID accountId, UUID profileId, String fromPhone, String body) {
        if (fromPhone == null || !fromPhone.matches(PHONE)) {
            throw new InvalidInputException(Map.of("phone", "Give the number in international form, like +15551234567."));
        }
        String text = ConversationAccess.validBody(body);
        return transactions.execute(status -> tenancy.inAccount(accountId, () -> {
            if (profiles.find(profileId).isEmpty()) {
                throw new NotFoundException();
            }
            Instant now = clock.instant();
            UUID conversation = liveConversationOf(contactOf(accountId, profileId, fromPhone, now), accountId, profileId, now);
            conversations.insertMessage(accountId, conversation, "inbound", null, text, now);
            flags.markUnread(accountId, conversation, memberships.viewersOf(profileId));
            Conversation received = conversations.find(conversation).orElseThrow();
            events.announce(accountId, conversation, received.profileId(), received.assigneeId());
            return conversation;
        }));
    }

    private UUID contactOf(UUID accountId, UUID profileId, String phone, Instant now) {
        return contacts.byPhone(profileId, phone).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            contacts.insert(id, accountId, profileId, phone, now);
            return id;
        });
    }

    private UUID liveConversationOf(UUID contactId, UUID accountId, UUID profileId, Instant now) {
        return conversations.liveConversationOf(contactId).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            conversations.insert(id, accountId, profileId, contactId, now);
            return id;
        });
    }
}
