package com.leadline.inbox.internal.contact;

import com.leadline.accounts.Profiles;
import com.leadline.identity.EmailAddresses;
import com.leadline.inbox.ContactFacts;
import com.leadline.inbox.ContactUpdated;
import com.leadline.inbox.internal.SearchText;
import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.contact.ContactStore.Contact;
import com.leadline.inbox.internal.contact.ContactStore.ContactSummary;
import com.leadline.platform.Csv;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.PhoneNumbers;
import com.leadline.platform.TypedText;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contacts (PRODUCT.md section 6, PERMISSIONS.md rows 21 and 28-30), one transaction per use case: the
 * people of a profile see its contacts; what the export says about their conversations goes through
 * {@link Visibility}; those who work conversations in the profile edit its contacts. A contact's page,
 * with its conversations, is read by {@code conversation.ContactPages}.
 */
@Service
public class ContactService {

    static final int PAGE_SIZE = 50;
    static final int EXPORT_BATCH = 500;
    static final int MAX_NAME = 200;
    static final int MAX_NOTES = 5000;
    private static final List<String> EXPORT_HEADER = List.of("Name", "Phone", "Email", "Notes", "Profile", "Conversations",
            "Latest state", "Latest activity (UTC)");

    /** Where the next page starts: the name and id of the previous page's last contact. */
    public record Cursor(String name, UUID id) {
    }

    public record ContactList(List<Contact> contacts, Cursor next) {
    }

    /** A contact's fields as a person typed them. */
    public record ContactForm(String name, String phone, String email, String notes) {
    }

    /** Where the export writes; opened (named) only once the actor may export, so a refusal still answers as an error. */
    public interface CsvTarget {
        Writer open(String fileName) throws IOException;
    }

    private final ContactStore store;
    private final Profiles profiles;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ContactService(ContactStore store, Profiles profiles, TransactionTemplate transactions, Clock clock,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.profiles = profiles;
        this.transactions = transactions;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /**
     * Contacts of the actor's profiles by name, 50 at a time, matching a search over name, phone and email
     * (a part of three characters or more; refused when shorter or longer than {@link SearchText} allows).
     */
    public ContactList contacts(Actor actor, String search, Cursor after) {
        actor.require(Permission.VIEW_TEAM);
        String text = SearchText.checkedSubstring(search);
        return transactions.execute(status -> {
            List<Contact> rows = new ArrayList<>(store.page(actor.profileIds(), text, after == null ? null : after.name(),
                    after == null ? null : after.id(), PAGE_SIZE + 1));
            Cursor next = null;
            if (rows.size() > PAGE_SIZE) {
                rows = rows.subList(0, PAGE_SIZE);
                Contact last = rows.get(PAGE_SIZE - 1);
                next = new Cursor(last.name(), last.id());
            }
            return new ContactList(rows, next);
        });
    }

    /**
     * Seen first (404 otherwise), then allowed to work in its profile (403), then the fields (422, all
     * errors at once): a phone number that libphonenumber reads (stored in E.164), unique in the profile, that can be changed
     * but not removed (replies go to it); a plausible email or none; name and notes within their limits.
     */
    public void update(Actor actor, UUID contactId, ContactForm form) {
        try {
            transactions.executeWithoutResult(status -> {
                Contact contact = visible(actor, contactId);
                actor.require(Permission.WORK_CONVERSATIONS);
                Map<String, String> errors = new LinkedHashMap<>();
                String name = strip(form.name());
                if (name.length() > MAX_NAME) {
                    errors.put("name", "Keep the name to " + MAX_NAME + " characters or fewer.");
                }
                String phone = validPhone(contact, form.phone(), errors);
                String email = validEmail(form.email(), errors);
                String notes = TypedText.of(form.notes());
                if (notes.length() > MAX_NOTES) {
                    errors.put("notes", "Keep the notes to 5,000 characters or fewer.");
                }
                if (!errors.isEmpty()) {
                    throw new InvalidInputException(errors);
                }
                ContactFacts saved = new ContactFacts(contactId, contact.profileId(), name, phone.isEmpty() ? null : phone,
                        email.isEmpty() ? null : email, notes);
                store.update(contactId, saved.name(), saved.phone(), saved.email(), saved.notes());
                // After the contact's row was written (and locked until commit): its events land in commit order.
                events.publishEvent(new ContactUpdated(actor.accountId(), saved, actor.userId(), clock.instant()));
            });
        } catch (DuplicateKeyException raced) {
            // Another edit took the number between the check and this update.
            throw new InvalidInputException(Map.of("phone", phoneTaken()));
        }
    }

    /**
     * The typed number in E.164 form (read in the profile's country when it has no country code), or
     * empty; what is wrong with it goes into {@code errors}.
     */
    private String validPhone(Contact contact, String typed, Map<String, String> errors) {
        String written = strip(typed);
        if (written.isEmpty()) {
            if (contact.phone() != null) {
                errors.put("phone", "A contact's phone number can be changed but not removed: your replies go to it.");
            }
            return "";
        }
        String country = profiles.find(contact.profileId()).orElseThrow().texting().country();
        Optional<String> phone = PhoneNumbers.e164(written, country);
        if (phone.isEmpty()) {
            errors.put("phone", PhoneNumbers.UNREADABLE);
        } else if (store.byPhone(contact.profileId(), phone.get()).filter(id -> !id.equals(contact.id())).isPresent()) {
            errors.put("phone", phoneTaken());
        }
        return phone.orElse("");
    }

    private static String validEmail(String typed, Map<String, String> errors) {
        String email = EmailAddresses.normalize(typed);
        if (!email.isEmpty() && !EmailAddresses.isPlausible(email)) {
            errors.put("email", "Give an email address like name@example.com (up to " + EmailAddresses.MAX_LENGTH
                    + " characters), or leave it empty.");
        }
        return email;
    }

    /**
     * The contacts of the actor's profiles as CSV, by name, read in keyset batches from one consistent
     * snapshot and written as they come; per contact, the number of conversations the rule lets the actor
     * see and the state of the latest of them.
     */
    public void export(Actor actor, CsvTarget target) {
        actor.require(Permission.EXPORT_CONTACTS);
        snapshot.executeWithoutResult(status -> {
            Visibility visibility = Visibility.of(actor);
            Map<UUID, String> profileNames = profiles.all().stream()
                    .collect(Collectors.toMap(Profiles.ProfileSummary::id, Profiles.ProfileSummary::name));
            try {
                Writer out = target.open("contacts-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv");
                out.write(Csv.row(EXPORT_HEADER));
                Cursor after = null;
                do {
                    List<ContactSummary> batch = store.summaries(visibility, actor.profileIds(),
                            after == null ? null : after.name(), after == null ? null : after.id(), EXPORT_BATCH);
                    for (ContactSummary row : batch) {
                        out.write(Csv.row(exportRow(row, profileNames)));
                    }
                    Contact last = batch.isEmpty() ? null : batch.get(batch.size() - 1).contact();
                    after = batch.size() < EXPORT_BATCH ? null : new Cursor(last.name(), last.id());
                } while (after != null);
                out.flush();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
    }

    private static List<String> exportRow(ContactSummary row, Map<UUID, String> profileNames) {
        Contact contact = row.contact();
        String state = row.latestState() == null ? ""
                : capitalize(row.latestState()) + (row.latestOutcome() == null ? "" : " (" + row.latestOutcome() + ")");
        return List.of(contact.name(), nullToEmpty(contact.phone()), nullToEmpty(contact.email()), contact.notes(),
                profileNames.getOrDefault(contact.profileId(), ""), Integer.toString(row.conversations()), state,
                row.latestActivityAt() == null ? "" : row.latestActivityAt().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** A contact of one of the actor's profiles (404 otherwise); inside the caller's transaction. */
    public Contact visible(Actor actor, UUID contactId) {
        return store.find(contactId).filter(found -> actor.profileIds().contains(found.profileId()))
                .orElseThrow(NotFoundException::new);
    }

    private static String phoneTaken() {
        return "Another contact in this profile already has this number.";
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
