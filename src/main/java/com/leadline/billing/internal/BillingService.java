package com.leadline.billing.internal;

import com.leadline.accounts.Profiles;
import com.leadline.accounts.Profiles.Plan;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.billing.internal.BillingAccountStore.Details;
import com.leadline.identity.EmailAddresses;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Transactions;
import com.leadline.team.Actor;
import com.leadline.team.Memberships;
import com.leadline.team.Permission;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The billing page's use cases (PERMISSIONS.md row 16: the owner only), one transaction each. */
@Service
class BillingService {

    static final int MAX_TEXT = 200;
    static final int MAX_TAX_ID = 50;
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The billing account form as typed. */
    record AccountForm(String companyName, String billingEmail, String addressLine1, String addressLine2, String city,
                       String postalCode, String country, String taxId) {

        static AccountForm of(Details details) {
            return new AccountForm(details.companyName(), details.billingEmail(), details.addressLine1(), details.addressLine2(),
                    details.city(), details.postalCode(), details.country(), details.taxId());
        }
    }

    record ProfilePlan(UUID profileId, String name, Plan plan, BigDecimal monthlyPrice, boolean archived) {
    }

    /** A change to a plan or to the billing details, as the history lists it. */
    record HistoryRow(Instant at, String who, String what, String from, String to) {

        private static final java.time.format.DateTimeFormatter WHEN =
                java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

        public String when() {
            return WHEN.format(at);
        }
    }

    record Page(boolean hasAccount, AccountForm account, List<ProfilePlan> profiles, int seats, int activeProfiles,
                Invoices.Invoice thisMonth, List<HistoryRow> history, Invoices.Prices prices) {
    }

    private final BillingAccountStore accounts;
    private final BillingEventStore events;
    private final Profiles profiles;
    private final Memberships memberships;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final Clock clock;
    private final Invoices.Prices prices;

    BillingService(BillingAccountStore accounts, BillingEventStore events, Profiles profiles, Memberships memberships, AuditLog audit,
                   TransactionTemplate transactions, PlatformTransactionManager transactionManager, Clock clock,
                   @Value("${leadline.billing.prices.pro:49.00}") BigDecimal pro,
                   @Value("${leadline.billing.prices.premium:99.00}") BigDecimal premium,
                   @Value("${leadline.billing.currency:USD}") String currency) {
        this.accounts = accounts;
        this.events = events;
        this.profiles = profiles;
        this.memberships = memberships;
        this.audit = audit;
        this.transactions = transactions;
        this.reads = Transactions.readOnly(transactionManager);
        this.clock = clock;
        Map<Plan, BigDecimal> monthly = new EnumMap<>(Plan.class);
        monthly.put(Plan.PRO, pro);
        monthly.put(Plan.PREMIUM, premium);
        this.prices = new Invoices.Prices(monthly, currency);
    }

    Page page(Actor actor) {
        actor.require(Permission.CHANGE_PLANS);
        return reads.execute(status -> {
            var details = accounts.find();
            List<Profiles.Profile> every = profiles.everyProfile();
            Map<UUID, String> profileNames = new LinkedHashMap<>();
            every.forEach(profile -> profileNames.put(profile.id(), profile.settings().name()));
            List<ProfilePlan> plans = every.stream()
                    .sorted(Comparator.comparing(Profiles.Profile::archived))
                    .map(profile -> new ProfilePlan(profile.id(), profile.settings().name(), profile.plan(),
                            prices.of(profile.plan()), profile.archived()))
                    .toList();
            List<BillingEvent> all = events.all();
            return new Page(details.isPresent(), AccountForm.of(details.orElse(Details.NONE)), plans, memberships.activeSeats(),
                    (int) every.stream().filter(profile -> !profile.archived()).count(),
                    Invoices.invoiceFor(all, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), prices),
                    history(all, profileNames), prices);
        });
    }

    /** The invoice of a month of the current account, from its billing events (months are in UTC). */
    Invoices.Invoice invoiceFor(Actor actor, YearMonth month) {
        actor.require(Permission.CHANGE_PLANS);
        return reads.execute(status -> Invoices.invoiceFor(events.all(), month, prices));
    }

    /**
     * Creates or replaces the billing account, records the change as a billing event and in the audit log.
     *
     * @throws InvalidInputException with every field's error; nothing is saved
     */
    void saveAccount(Actor actor, AccountForm form) {
        actor.require(Permission.CHANGE_PLANS);
        Details details = validated(form);
        transactions.executeWithoutResult(status -> {
            Details before = accounts.find().orElse(Details.NONE);
            if (before.equals(details)) {
                return;
            }
            Instant now = clock.instant();
            accounts.save(actor.accountId(), actor.userId(), details, now);
            events.record(actor.accountId(), BillingEvent.Kind.BILLING_DETAILS_CHANGED, actor.accountId(),
                    before.summary().isEmpty() ? null : before.summary(), details.summary(), actor.userId(), now);
            audit.record(AuditEntry.of("billing.account_changed", Outcome.SUCCESS).inAccount(actor.accountId()).by(actor.userId())
                    .on("account", actor.accountId()));
        });
    }

    private List<HistoryRow> history(List<BillingEvent> all, Map<UUID, String> profileNames) {
        Map<UUID, Memberships.Person> people = memberships.people();
        List<BillingEvent> newestFirst = new java.util.ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream()
                .filter(event -> event.kind() == BillingEvent.Kind.PLAN_CHANGED
                        || event.kind() == BillingEvent.Kind.BILLING_DETAILS_CHANGED)
                .limit(100)
                .map(event -> new HistoryRow(event.occurredAt(),
                        event.actorUserId() == null ? "Leadline" : people.containsKey(event.actorUserId())
                                ? people.get(event.actorUserId()).name() : "A former user",
                        event.kind() == BillingEvent.Kind.PLAN_CHANGED
                                ? "Plan of " + profileNames.getOrDefault(event.subjectId(), "a profile")
                                : "Billing details",
                        label(event.from()), label(event.to())))
                .toList();
    }

    private static String label(String value) {
        if (value == null) {
            return "—";
        }
        for (Plan plan : Plan.values()) {
            if (plan.code().equals(value)) {
                return plan.label();
            }
        }
        return value;
    }

    static Details validated(AccountForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String company = text(form.companyName());
        if (company.isEmpty() || company.length() > MAX_TEXT) {
            errors.put("companyName", "Enter the company name (up to " + MAX_TEXT + " characters).");
        }
        String email = EmailAddresses.normalize(text(form.billingEmail()));
        if (!EmailAddresses.isPlausible(email)) {
            errors.put("billingEmail", "Enter the billing email address like billing@example.com.");
        }
        String line1 = text(form.addressLine1());
        if (line1.isEmpty() || line1.length() > MAX_TEXT) {
            errors.put("addressLine1", "Enter the street address (up to " + MAX_TEXT + " characters).");
        }
        String line2 = text(form.addressLine2());
        if (line2.length() > MAX_TEXT) {
            errors.put("addressLine2", "Keep the second address line to " + MAX_TEXT + " characters.");
        }
        String city = text(form.city());
        if (city.isEmpty() || city.length() > MAX_TEXT) {
            errors.put("city", "Enter the city (up to " + MAX_TEXT + " characters).");
        }
        String postalCode = text(form.postalCode());
        if (postalCode.length() > 20) {
            errors.put("postalCode", "Keep the postal code to 20 characters.");
        }
        String country = text(form.country()).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            errors.put("country", "Choose the country from the list.");
        }
        String taxId = text(form.taxId());
        if (taxId.length() > MAX_TAX_ID) {
            errors.put("taxId", "Keep the tax id to " + MAX_TAX_ID + " characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Details(company, email, line1, line2, city, postalCode, country, taxId);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
