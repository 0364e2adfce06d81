package com.leadline.profiles.internal;

import com.leadline.platform.NotAllowedException;
import com.leadline.platform.NotFoundException;
import com.leadline.accounts.Profiles;
import com.leadline.accounts.Profiles.OpeningHours;
import com.leadline.accounts.Profiles.Plan;
import com.leadline.accounts.Profiles.Profile;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.billing.BillingEvents;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.PhoneNumbers;
import com.leadline.team.Actor;
import com.leadline.team.Memberships;
import com.leadline.team.Permission;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Profile use cases, one transaction each. Who sees a profile: the owner every one (archived too),
 * everyone else the profiles they work in; what they may do is {@link Permission} rows 14-16.
 */
@Service
class ProfileService {

    static final int MAX_NAME = 200;
    static final int MAX_BUTTON_NAME = 60;

    /** A profile form as typed: hours per weekday as "HH:mm" pairs, absent for a closed day. */
    record ProfileForm(String name, String buttonName, Boolean showInLeadbox, String timezone,
                       Map<String, HoursForm> hours) {
    }

    record HoursForm(String opens, String closes) {
    }

    record ProfileRow(Profile profile, int users) {

        /** The sending number as people read it (+1 415-555-0100), null without one. */
        public String number() {
            return PhoneNumbers.international(profile.texting().phoneNumber());
        }
    }

    private final Profiles profiles;
    private final Memberships memberships;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BillingEvents billing;

    ProfileService(Profiles profiles, Memberships memberships, AuditLog audit, TransactionTemplate transactions, Clock clock,
                   BillingEvents billing) {
        this.billing = billing;
        this.profiles = profiles;
        this.memberships = memberships;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    List<ProfileRow> list(Actor actor) {
        return transactions.execute(status -> {
            Map<UUID, Integer> users = memberships.userCounts();
            return profiles.everyProfile().stream()
                    .filter(profile -> visible(actor, profile))
                    .map(profile -> new ProfileRow(profile, users.getOrDefault(profile.id(), 0)))
                    .toList();
        });
    }

    Profile get(Actor actor, UUID profileId) {
        return transactions.execute(status -> visibleProfile(actor, profileId));
    }

    /** The new profile (the actor's own copy of their profiles predates it). */
    Profile create(Actor actor, ProfileForm form) {
        actor.require(Permission.ADD_PROFILES);
        Profiles.Settings settings = validated(form);
        return transactions.execute(status -> {
            UUID id = profiles.create(actor.accountId(), settings, clock.instant());
            // The creator works in it; nobody else is added (other admins must be added by someone who can).
            memberships.join(actor.accountId(), id, actor.userId());
            record(actor, "profile.created", id, Map.of("name", settings.name()));
            Profile created = profiles.find(id).orElseThrow();
            billing.profileAdded(actor.accountId(), id, created.plan(), actor.userId(), clock.instant());
            return created;
        });
    }

    void update(Actor actor, UUID profileId, ProfileForm form) {
        transactions.executeWithoutResult(status -> {
            visibleProfile(actor, profileId);
            actor.require(Permission.EDIT_PROFILES);
            profiles.update(profileId, validated(form));
            record(actor, "profile.edited", profileId, Map.of());
        });
    }

    void changePlan(Actor actor, UUID profileId, String planCode) {
        transactions.executeWithoutResult(status -> {
            Profile profile = visibleProfile(actor, profileId);
            if (!actor.can(Permission.CHANGE_PLANS)) {
                throw new NotAllowedException("Only the account's owner changes plans.");
            }
            Plan plan = plan(planCode);
            if (plan != profile.plan()) {
                profiles.changePlan(profileId, plan);
                billing.planChanged(actor.accountId(), profileId, profile.plan(), plan, actor.userId(), clock.instant());
                record(actor, "profile.plan_changed", profileId, Map.of("from", profile.plan().code(), "to", plan.code()));
            }
        });
    }

    void archive(Actor actor, UUID profileId) {
        transactions.executeWithoutResult(status -> {
            Profile profile = visibleProfile(actor, profileId);
            actor.require(Permission.EDIT_PROFILES);
            if (profile.archived()) {
                throw new ConflictException("This profile is already archived.");
            }
            if (profiles.all().size() <= 1) {
                throw new ConflictException("An account keeps at least one profile in use.");
            }
            profiles.archive(profileId, clock.instant());
            billing.profileArchived(actor.accountId(), profileId, profile.plan(), actor.userId(), clock.instant());
            record(actor, "profile.archived", profileId, Map.of());
        });
    }

    void restore(Actor actor, UUID profileId) {
        transactions.executeWithoutResult(status -> {
            Profile profile = visibleProfile(actor, profileId);
            actor.require(Permission.EDIT_PROFILES);
            if (!profile.archived()) {
                throw new ConflictException("This profile is in use.");
            }
            profiles.restore(profileId);
            billing.profileRestored(actor.accountId(), profileId, profile.plan(), actor.userId(), clock.instant());
            record(actor, "profile.restored", profileId, Map.of());
        });
    }

    private Profile visibleProfile(Actor actor, UUID profileId) {
        return profiles.find(profileId).filter(profile -> visible(actor, profile))
                .orElseThrow(NotFoundException::new);
    }

    static boolean visible(Actor actor, Profile profile) {
        return actor.seesEveryProfile() || actor.canManageProfile(profile.id());
    }

    private void record(Actor actor, String action, UUID profileId, Map<String, String> details) {
        audit.record(AuditEntry.of(action, Outcome.SUCCESS).inAccount(actor.accountId()).by(actor.userId())
                .on("profile", profileId).aboutProfile(profileId).with(details));
    }

    static Profiles.Settings validated(ProfileForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.put("name", "Enter a name (up to " + MAX_NAME + " characters).");
        }
        String buttonName = form.buttonName() == null || form.buttonName().isBlank() ? null : form.buttonName().strip();
        if (buttonName != null && buttonName.length() > MAX_BUTTON_NAME) {
            errors.put("buttonName", "Keep the button name to " + MAX_BUTTON_NAME + " characters.");
        }
        String timezone = form.timezone() == null ? "" : form.timezone().strip();
        if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
            errors.put("timezone", "Choose a timezone from the list, like Europe/Berlin.");
        }
        Map<DayOfWeek, OpeningHours> hours = openingHours(form.hours(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Profiles.Settings(name, buttonName, !Boolean.FALSE.equals(form.showInLeadbox()), timezone, hours);
    }

    /** The week's hours by day; a malformed or inside-out day puts an error under {@code hours}. */
    private static Map<DayOfWeek, OpeningHours> openingHours(Map<String, HoursForm> days, Map<String, String> errors) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        (days == null ? Map.<String, HoursForm>of() : days).forEach((day, times) -> {
            try {
                LocalTime opens = LocalTime.parse(times.opens().strip());
                LocalTime closes = LocalTime.parse(times.closes().strip());
                if (!opens.isBefore(closes)) {
                    errors.put("hours", "Opening hours must close after they open.");
                }
                hours.put(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)), new OpeningHours(opens, closes));
            } catch (DateTimeParseException | IllegalArgumentException | NullPointerException malformed) {
                errors.put("hours", "Give opening hours as times like 09:00 and 17:30.");
            }
        });
        return hours;
    }

    private static Plan plan(String code) {
        try {
            return Plan.valueOf(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(Map.of("plan", "Choose Pro or Premium."));
        }
    }
}
