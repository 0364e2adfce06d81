package com.leadline.profiles.internal;

import com.leadline.accounts.NumberRoutes;
import com.leadline.accounts.Profiles;
import com.leadline.accounts.Profiles.Profile;
import com.leadline.accounts.Profiles.Texting;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.inbox.SendingNumbers;
import com.leadline.inbox.SendingNumbers.Check;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.PhoneNumbers;
import com.leadline.platform.TypedText;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Texting section of a profile: its country, sending number and HELP answer, edited by those who
 * edit the profile (PERMISSIONS.md row 15). A new number is first looked up in the number registry and
 * then asked about at the SMS provider, outside any transaction (no database connection waits on the
 * provider); one transaction then writes everything or, on any refusal, nothing.
 */
@Service
class ProfileTextingService {

    static final int MAX_HELP_TEXT = 320;
    static final String TAKEN = "This number is already in use by another profile. Each number texts for one profile only.";
    static final String NOT_HELD = "Your SMS provider account does not have this number. Add it there first, or check for a typo.";

    /** The section as typed (the form's and the API's fields). */
    record TextingForm(String country, String phoneNumber, String helpText) {
    }

    /**
     * What was saved. {@code numberCheck} is the provider's answer for a new number (HELD, or
     * NO_PROVIDER when there is no provider to ask), null when no number was checked (kept or removed).
     */
    record Saved(Profile profile, Check numberCheck) {

        boolean numberUnchecked() {
            return numberCheck == Check.NO_PROVIDER;
        }
    }

    private record Valid(String country, String phoneNumber, String helpText) {
    }

    private final Profiles profiles;
    private final NumberRoutes numbers;
    private final SendingNumbers provider;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProfileTextingService(Profiles profiles, NumberRoutes numbers, SendingNumbers provider, AuditLog audit,
                          TransactionTemplate transactions, Clock clock) {
        this.profiles = profiles;
        this.numbers = numbers;
        this.provider = provider;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    Saved change(Actor actor, UUID profileId, TextingForm form) {
        Texting before = transactions.execute(status -> editable(actor, profileId)).texting();
        Valid valid = validated(form);
        boolean newNumber = valid.phoneNumber() != null && !valid.phoneNumber().equals(before.phoneNumber());
        Check check = newNumber ? checked(profileId, valid.phoneNumber()) : null;
        Profile saved = transactions.execute(status -> {
            Texting current = editable(actor, profileId).texting();
            if (!Objects.equals(current.phoneNumber(), before.phoneNumber())) {
                throw new ConflictException("Someone changed this profile's number meanwhile. Nothing was saved; open the profile again.");
            }
            if (!Objects.equals(valid.phoneNumber(), current.phoneNumber())
                    && !profiles.assignNumber(profileId, valid.phoneNumber(), clock.instant())) {
                throw InvalidInputException.of("phoneNumber", TAKEN);
            }
            profiles.updateTexting(profileId, valid.country(), valid.helpText());
            Map<String, String> changes = changes(current, valid);
            if (!changes.isEmpty()) {
                audit.record(AuditEntry.of("profile.texting_changed", Outcome.SUCCESS).inAccount(actor.accountId())
                        .by(actor.userId()).on("profile", profileId).aboutProfile(profileId).with(changes));
            }
            return profiles.find(profileId).orElseThrow();
        });
        return new Saved(saved, check);
    }

    /** Free in the registry and held by the provider (or no provider to ask); called with no transaction open. */
    private Check checked(UUID profileId, String phoneNumber) {
        if (numbers.route(phoneNumber).filter(route -> !route.profileId().equals(profileId)).isPresent()) {
            throw InvalidInputException.of("phoneNumber", TAKEN);
        }
        Check check = provider.check(phoneNumber);
        if (check == Check.NOT_HELD) {
            throw InvalidInputException.of("phoneNumber", NOT_HELD);
        }
        return check;
    }

    private Profile editable(Actor actor, UUID profileId) {
        Profile profile = profiles.find(profileId).filter(found -> ProfileService.visible(actor, found))
                .orElseThrow(NotFoundException::new);
        actor.require(Permission.EDIT_PROFILES);
        return profile;
    }

    /** Every field's error at once; the number is read in the country of the same form. */
    private static Valid validated(TextingForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String country = form.country() == null ? "" : form.country().strip().toUpperCase(Locale.ROOT);
        boolean knownCountry = PhoneNumbers.knownCountry(country);
        if (!knownCountry) {
            errors.put("country", "Choose a country from the list.");
        }
        String phoneNumber = null;
        if (form.phoneNumber() != null && !form.phoneNumber().isBlank()) {
            phoneNumber = PhoneNumbers.e164(form.phoneNumber(), knownCountry ? country : null).orElse(null);
            if (phoneNumber == null) {
                errors.put("phoneNumber", PhoneNumbers.UNREADABLE);
            }
        }
        String helpText = TypedText.of(form.helpText());
        if (helpText.codePointCount(0, helpText.length()) > MAX_HELP_TEXT) {
            errors.put("helpText", "Keep the help text to " + MAX_HELP_TEXT + " characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(country, phoneNumber, helpText);
    }

    /** What the audit entry names: old and new country and number, and that the help text changed (never its words). */
    private static Map<String, String> changes(Texting before, Valid after) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (!before.country().equals(after.country())) {
            changes.put("country", before.country() + " to " + after.country());
        }
        if (!Objects.equals(before.phoneNumber(), after.phoneNumber())) {
            changes.put("phoneNumber", Objects.requireNonNullElse(before.phoneNumber(), "none") + " to "
                    + Objects.requireNonNullElse(after.phoneNumber(), "none"));
        }
        if (!before.helpText().equals(after.helpText())) {
            changes.put("helpText", "changed");
        }
        return changes;
    }
}
