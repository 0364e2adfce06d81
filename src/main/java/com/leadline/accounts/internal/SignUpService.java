package com.leadline.accounts.internal;

import com.leadline.platform.InvalidInputException;
import com.leadline.accounts.AccountOpened;
import com.leadline.accounts.AgencyOpened;
import com.leadline.accounts.Profiles;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.identity.Identities.UserStatus;
import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.Links;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.Tenancy;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up: one transaction creates the account, its owner, the first profile, the owner's
 * memberships (by the team module, on {@link AccountOpened}), the billing record and the audit entry. An address already in use gets the same
 * answer as a new one; the explanation goes to that address by email instead.
 */
@Service
class SignUpService {

    static final int MAX_NAME_LENGTH = 200;

    record SignUpForm(String businessName, String yourName, String email, String password, String timezone, String partner) {
    }

    /** A business account (with its first profile) or a partner agency (with its referral code). */
    enum Kind { BUSINESS, AGENCY }


    private final Identities identities;
    private final AccountStore accounts;
    private final Mailer mailer;
    private final Links links;
    private final AuditLog audit;
    private final RateLimiter rateLimiter;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int signUpsPerAddress;
    private final ApplicationEventPublisher events;
    private final Profiles profiles;
    private final com.leadline.accounts.Agencies agencies;

    SignUpService(Identities identities, AccountStore accounts, Mailer mailer, Links links, AuditLog audit,
                  RateLimiter rateLimiter, Tenancy tenancy, TransactionTemplate transactions, Clock clock,
                  ApplicationEventPublisher events, Profiles profiles, com.leadline.accounts.Agencies agencies,
                  @Value("${leadline.sign-up.per-ip-per-hour:20}") int signUpsPerAddress) {
        this.events = events;
        this.profiles = profiles;
        this.agencies = agencies;
        this.identities = identities;
        this.accounts = accounts;
        this.mailer = mailer;
        this.links = links;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
        this.signUpsPerAddress = signUpsPerAddress;
    }

    /**
     * @return the new owner to sign in, or empty when the address was already in use (the caller
     *         must answer exactly as for a new account)
     * @throws InvalidInputException when a field is missing or malformed; nothing is created
     */
    Optional<AuthenticatedUser> signUp(Kind kind, SignUpForm form) {
        rateLimiter.hit("sign-up", signUpsPerAddress, Duration.ofHours(1));
        String email = EmailAddresses.normalize(form.email());
        String businessName = form.businessName() == null ? "" : form.businessName().strip();
        String name = form.yourName() == null ? "" : form.yourName().strip();
        validate(businessName, name, email, form.password());
        try {
            return transactions.execute(status -> {
                Optional<UserStatus> existing = identities.statusOfEmail(email);
                if (existing.isPresent()) {
                    explainAddressInUse(email, existing.get());
                    return Optional.empty();
                }
                return Optional.of(kind == Kind.AGENCY ? createAgency(businessName, name, email, form.password())
                        : create(businessName, name, email, form.password(), timezone(form.timezone()), form.partner()));
            });
        } catch (DuplicateKeyException raceWithAnotherSignUp) {
            return transactions.execute(status -> {
                explainAddressInUse(email, identities.statusOfEmail(email).orElse(UserStatus.ACTIVE));
                return Optional.empty();
            });
        }
    }

    private void validate(String businessName, String name, String email, String password) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (businessName.isEmpty() || businessName.length() > MAX_NAME_LENGTH) {
            errors.put("businessName", "Enter your business name (up to " + MAX_NAME_LENGTH + " characters).");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            errors.put("yourName", "Enter your name (up to " + MAX_NAME_LENGTH + " characters).");
        }
        if (!EmailAddresses.isPlausible(email)) {
            errors.put("email", "Enter an email address like name@example.com.");
        }
        try {
            identities.checkNewPassword(password, email, businessName);
        } catch (InvalidInputException rejected) {
            errors.putAll(rejected.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String timezone(String requested) {
        try {
            return requested == null || requested.isBlank() ? "UTC" : ZoneId.of(requested.strip()).getId();
        } catch (DateTimeException unknownZone) {
            return "UTC";
        }
    }

    private AuthenticatedUser create(String businessName, String name, String email, String password, String timezone,
                                     String partnerCode) {
        // An unknown or mistyped referral code opens the account all the same, without a grant.
        UUID referringAgency = partnerCode == null || partnerCode.isBlank() ? null
                : accounts.agencyByReferral(partnerCode.strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
        UUID accountId = UUID.randomUUID();
        return tenancy.inAccount(accountId, () -> {
            Instant now = clock.instant();
            accounts.insertAccount(accountId, businessName, now);
            UUID ownerId = identities.createActiveUser(accountId, email, name, password, businessName);
            UUID profileId = profiles.create(accountId,
                    new Profiles.Settings(businessName, null, true, timezone, java.util.Map.of()), now);
            events.publishEvent(new AccountOpened(accountId, ownerId, profileId, referringAgency));
            accounts.insertBillingAccount(accountId, ownerId, businessName, email, now);
            audit.record(AuditEntry.of("sign_up", Outcome.SUCCESS).inAccount(accountId).by(ownerId)
                    .on("account", accountId));
            return AuthenticatedUser.atHome(ownerId, accountId, name, email);
        });
    }

    private AuthenticatedUser createAgency(String agencyName, String name, String email, String password) {
        UUID agencyId = UUID.randomUUID();
        return tenancy.inAccount(agencyId, () -> {
            Instant now = clock.instant();
            agencies.open(agencyId, agencyName, now);
            UUID adminId = identities.createActiveUser(agencyId, email, name, password, agencyName);
            events.publishEvent(new AgencyOpened(agencyId, adminId));
            audit.record(AuditEntry.of("partner.sign_up", Outcome.SUCCESS).inAccount(agencyId).by(adminId)
                    .on("account", agencyId));
            return AuthenticatedUser.atHome(adminId, agencyId, name, email);
        });
    }

    private void explainAddressInUse(String email, UserStatus status) {
        String situation = status == UserStatus.DEACTIVATED
                ? "This address belongs to a Leadline user who was deactivated, and it can't be used for a new account. "
                        + "To get access again, contact Leadline support and ask for a reactivation."
                : "This address already belongs to a Leadline user, so no new account was created. "
                        + "Sign in at " + links.to("/signin") + " or, if you forgot your password, reset it at "
                        + links.to("/password/forgot") + ".";
        mailer.queue(new OutgoingMail(email, "About your Leadline sign-up", """
                Hello,

                Someone (maybe you) tried to create a Leadline account with this email address.

                %s

                If it wasn't you, you can ignore this email.
                """.formatted(situation)));
        audit.record(AuditEntry.of("sign_up.address_in_use", Outcome.REFUSED));
    }
}
