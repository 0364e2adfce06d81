package com.leadline.inbox.internal.conversation;

import com.leadline.accounts.Profiles;
import com.leadline.accounts.Profiles.Profile;
import com.leadline.inbox.ContactFacts;
import com.leadline.inbox.ConversationFacts;
import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.MessageFacts;
import com.leadline.inbox.InboundTexts.LeadboxForm;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.PhoneNumbers;
import com.leadline.platform.Tenancy;
import com.leadline.platform.WebLinks;
import com.leadline.team.Memberships;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbound door every channel uses: a text from a number lands in that number's contact of the
 * profile (a new one if none) and its live conversation (a new one if none), unread for the profile's people.
 * A text that opens a new conversation is a new lead, answered by the profile's auto reply (NewLeadAutoReply)
 * unless it is an opt-out keyword, which gets its own answer.
 */
@Service
class IncomingTexts implements InboundTexts {

    private static final int MAX_MEDIA = 10;
    /** V43's unique index: a second webhook with the provider id of a text filed meanwhile. */
    private static final String PROVIDER_ID_INDEX = "messages_provider_message_idx";
    /** A new lead's texts arriving at once race to create its contact, then its conversation: each is found at the next try. */
    private static final int ATTEMPTS = 3;
    private static final int MAX_NAME = 200;

    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final UnreadFlags flags;
    private final InboxEvents events;
    private final ChangeEvents changes;
    private final KeywordAnswers keywords;
    private final NewLeadAutoReply autoReply;
    private final Profiles profiles;
    private final Memberships memberships;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IncomingTexts(ConversationStore conversations, ContactStore contacts, UnreadFlags flags, InboxEvents events, ChangeEvents changes,
                  KeywordAnswers keywords,
                  NewLeadAutoReply autoReply, Profiles profiles,
                  Memberships memberships, Tenancy tenancy, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.flags = flags;
        this.events = events;
        this.changes = changes;
        this.keywords = keywords;
        this.autoReply = autoReply;
        this.profiles = profiles;
        this.memberships = memberships;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<UUID> receive(InboundText text) {
        return receive(text, (Profile) null);
    }

    @Override
    public Optional<UUID> receive(InboundText text, Profile profile) {
        if (profile != null && !profile.id().equals(text.profileId())) {
            throw new IllegalArgumentException("Profile " + profile.id() + " is not the text's, " + text.profileId());
        }
        String body = text.body() == null ? "" : text.body().strip();
        List<String> media = text.mediaUrls() == null ? List.of() : List.copyOf(text.mediaUrls());
        String words = media.isEmpty() || !body.isEmpty() ? ConversationAccess.validBody(body) : body;
        if (media.size() > MAX_MEDIA) {
            throw InvalidInputException.of("media", "A text carries at most " + MAX_MEDIA + " media files.");
        }
        if (!media.stream().allMatch(WebLinks::isWebLink)) {
            throw InvalidInputException.of("media", "Each media file is an http or https link of up to " + WebLinks.MAX_LENGTH + " characters.");
        }
        LeadboxForm form = text.leadboxForm();
        if (form != null && form.pageUrl() != null && !WebLinks.isWebLink(form.pageUrl())) {
            throw InvalidInputException.of("pageUrl", "The page address is an http or https link of up to " + WebLinks.MAX_LENGTH + " characters.");
        }
        if (form != null && form.name() != null && form.name().length() > MAX_NAME) {
            throw InvalidInputException.of("name", "Keep the name to " + MAX_NAME + " characters.");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                // The account first, then the transaction: it starts in the account (one statement fewer than switching inside).
                return tenancy.inAccount(text.accountId(), () -> transactions.execute(status -> file(text, profile, words, media)));
            } catch (DuplicateKeyException raced) {
                if (raced.getMessage() != null && raced.getMessage().contains(PROVIDER_ID_INDEX)) {
                    return Optional.empty();
                }
                // Another text of the same new lead made the contact or the conversation meanwhile: file it there.
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** @param readJustNow the text's profile as its channel read it, in its account; null to read it here */
    private Optional<UUID> file(InboundText text, Profile readJustNow, String body, List<String> media) {
        Profile profile = readJustNow != null ? readJustNow : profiles.find(text.profileId()).orElseThrow(NotFoundException::new);
        String phone = PhoneNumbers.e164OrRefuse(text.fromPhone(), profile.texting().country(), "phone");
        Instant now = clock.instant();
        LeadboxForm form = text.leadboxForm();
        String name = form == null || form.name() == null ? "" : form.name().strip();
        ContactStore.Found found = contacts.findOrInsert(UUID.randomUUID(), text.accountId(), profile.id(), name, phone, now);
        UUID contact = found.id();
        if (!found.made() && !name.isEmpty()) {
            contacts.nameIfUnnamed(contact, name);
        }
        // A contact made just now has no conversation yet.
        Optional<UUID> live = found.made() ? Optional.empty() : conversations.liveConversationOf(contact);
        Optional<OptOutKeyword> keyword = form == null ? OptOutKeyword.of(body) : Optional.empty();
        String pageUrl = form == null ? null : form.pageUrl();
        boolean leadbox = form != null;
        // A text filed before under its provider id fails on V43's unique index where its message is written, and
        // the whole transaction with it: receive answers empty. No look first, as that costs every text a round trip.
        if (live.isEmpty() && keyword.isEmpty()) {
            return Optional.of(fileNewLead(text.accountId(), profile, contact, found.made() ? name : null, phone,
                    new ConversationStore.FirstText(body, text.providerMessageId(), media, pageUrl), leadbox, now));
        }
        // A keyword's own answer is all a new lead sending one gets.
        UUID conversation = live.orElseGet(() -> newConversation(contact, text.accountId(), profile.id(), now));
        ConversationStore.Written written = conversations.insertInbound(text.accountId(), conversation, body,
                text.providerMessageId(), media, pageUrl, now);
        ConversationFacts after = ChangeEvents.facts(written.conversation());
        MessageFacts message = MessageFacts.inbound(written.messageId(), conversation, leadbox, body, media, pageUrl, now);
        if (live.isEmpty()) {
            ContactStore.Contact made = contacts.find(contact).orElseThrow();
            changes.leadCreated(text.accountId(), after,
                    new ContactFacts(contact, profile.id(), made.name(), made.phone(), made.email(), null), message);
        }
        changes.received(text.accountId(), after, message);
        keyword.ifPresent(word -> keywords.apply(word, text.accountId(), profile, contact, phone, conversation, now));
        flags.markUnread(text.accountId(), conversation, memberships.viewersOf(profile.id()));
        // Its place before this text: the same as after it (a text moves no conversation).
        events.announce(text.accountId(), conversation, written.conversation().profileId(), written.conversation().assigneeId());
        return Optional.of(conversation);
    }

    /**
     * A new lead: its conversation, its text and the auto reply are written together (one statement), and
     * announced: lead.created, message.received, then message.sent of the reply.
     */
    private UUID fileNewLead(UUID accountId, Profile profile, UUID contact, String newContactName, String phone,
                             ConversationStore.FirstText first, boolean leadbox, Instant now) {
        UUID conversation = UUID.randomUUID();
        AutoReplyTexts.NewLead lead = autoReply.openAndAnswer(accountId, profile, contact, newContactName, phone, conversation,
                first, now);
        ConversationFacts opened = ChangeEvents.opened(conversation, profile.id(), contact);
        MessageFacts message = MessageFacts.inbound(lead.inboundId(), conversation, leadbox, first.body(), first.mediaUrls(),
                first.sourceUrl(), now);
        changes.leadCreated(accountId, opened, new ContactFacts(contact, profile.id(), lead.contactName(), phone,
                lead.contactEmail(), null), message);
        changes.received(accountId, opened, message);
        if (lead.replyId() != null) {
            changes.sent(accountId, opened, MessageFacts.outbound(lead.replyId(), conversation, null, lead.replyText(), lead.replyAt()));
        }
        flags.markUnread(accountId, conversation, memberships.viewersOf(profile.id()));
        // Opened just now: the profile's, and nobody's yet.
        events.announce(accountId, conversation, profile.id(), null);
        return conversation;
    }

    private UUID newConversation(UUID contactId, UUID accountId, UUID profileId, Instant now) {
        UUID id = UUID.randomUUID();
        conversations.insert(id, accountId, profileId, contactId, now);
        return id;
    }
}
