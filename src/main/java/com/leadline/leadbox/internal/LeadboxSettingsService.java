package com.leadline.leadbox.internal;

import com.leadline.accounts.Profiles;
import com.leadline.accounts.Profiles.Profile;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.AccountNames;
import com.leadline.leadbox.internal.Leadbox.Appearance;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Links;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.PhoneNumbers;
import com.leadline.platform.TypedText;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Leadbox settings page's and API's use cases, one transaction each (docs/leadbox.md, "Settings and
 * embed code"). Who sees a profile's Leadbox: whoever sees the profile (in use, not archived); the
 * multi-profile Leadbox: those who see every profile. Whoever sees one and may copy embed code
 * (PERMISSIONS.md row 18) reads its embed code; row 17 ({@link Permission#EDIT_LEADBOX}) changes it.
 */
@Service
class LeadboxSettingsService {

    static final String SCRIPT_PATH = "/leadbox.js";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int SHOWN_LINE = 60;

    /** The settings as typed (the page's and the API's fields); {@code allowedOrigins} one website per entry. */
    record SettingsForm(boolean enabled, String buttonText, String colour, String greeting, boolean offersText,
                        boolean offersCall, String consent, List<String> allowedOrigins) {

        static SettingsForm of(Leadbox leadbox) {
            Appearance a = leadbox.appearance();
            return new SettingsForm(leadbox.enabled(), a.buttonText(), a.colour(), a.greeting(), a.offersText(), a.offersCall(),
                    a.consent(), leadbox.allowedOrigins());
        }
    }

    /**
     * The multi-profile Leadbox as typed: its settings, the profiles' order (null keeps it; profiles not
     * named follow in their order) and which profiles it shows (null keeps each profile's "show in Leadbox").
     */
    record MultiProfileForm(SettingsForm settings, List<UUID> profileOrder, Set<UUID> shownProfileIds) {
    }

    /** A profile the multi-profile Leadbox offers: its button name (or its name) and whether it is shown. */
    record Choice(UUID profileId, String name, String buttonName, boolean shown) {
    }

    /**
     * A Leadbox as its reader sees it. {@code name}: the profile's, or null for the multi-profile one;
     * {@code phoneNumber}: the profile's number as people read it (null without one, or multi-profile);
     * {@code choices}: the multi-profile Leadbox's profiles in order (empty for a profile's).
     */
    record View(UUID id, UUID profileId, String name, String embedCode, SettingsForm settings, boolean editable,
                String phoneNumber, List<Choice> choices) {

        public boolean multiProfile() {
            return profileId == null;
        }
    }

    private record Valid(boolean enabled, Appearance appearance, List<String> origins) {
    }

    private final LeadboxStore store;
    private final Profiles profiles;
    private final AccountNames accountNames;
    private final AuditLog audit;
    private final Links links;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LeadboxSettingsService(LeadboxStore store, Profiles profiles, AccountNames accountNames, AuditLog audit, Links links,
                           TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.accountNames = accountNames;
        this.audit = audit;
        this.links = links;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every Leadbox the actor sees: their profiles' (by profile name), then the multi-profile one when they see every profile. */
    List<View> list(Actor actor) {
        actor.require(Permission.COPY_EMBED_CODE);
        return transactions.execute(status -> {
            List<View> views = new ArrayList<>();
            profiles.everyProfile().stream().filter(profile -> visible(actor, profile))
                    .forEach(profile -> views.add(view(actor, profile, ofProfile(actor, profile))));
            if (actor.seesEveryProfile()) {
                views.add(multiView(actor, multiProfile(actor)));
            }
            return views;
        });
    }

    View profileLeadbox(Actor actor, UUID profileId) {
        actor.require(Permission.COPY_EMBED_CODE);
        return transactions.execute(status -> {
            Profile profile = visibleProfile(actor, profileId);
            return view(actor, profile, ofProfile(actor, profile));
        });
    }

    /** The profile's Leadbox for its edit page: 404 when not seen, 403 when seen but not editable. */
    View editableProfileLeadbox(Actor actor, UUID profileId) {
        View view = profileLeadbox(actor, profileId);
        actor.require(Permission.EDIT_LEADBOX);
        return view;
    }

    View multiProfileLeadbox(Actor actor) {
        actor.require(Permission.COPY_EMBED_CODE);
        if (!actor.seesEveryProfile()) {
            throw new NotFoundException();
        }
        return transactions.execute(status -> multiView(actor, multiProfile(actor)));
    }

    View editableMultiProfileLeadbox(Actor actor) {
        View view = multiProfileLeadbox(actor);
        actor.require(Permission.EDIT_LEADBOX);
        return view;
    }

    /** Everything saved at once, or, with any field wrong, nothing and every field's error. */
    View changeProfileLeadbox(Actor actor, UUID profileId, SettingsForm form) {
        return transactions.execute(status -> {
            Profile profile = visibleProfile(actor, profileId);
            actor.require(Permission.EDIT_LEADBOX);
            Map<String, String> errors = new LinkedHashMap<>();
            Valid valid = validated(form, errors);
            if (valid.appearance().offersCall() && profile.texting().phoneNumber() == null) {
                errors.putIfAbsent("channels", "This profile has no phone number yet, so there is nothing to call: "
                        + "give it one in Profiles, or turn the call button off.");
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            Leadbox before = ofProfile(actor, profile);
            Map<String, String> changes = changes(before, valid);
            save(actor, before, valid, changes, Map.of("profile", profile.id().toString()));
            return view(actor, profile, store.find(before.id()).orElseThrow());
        });
    }

    View changeMultiProfileLeadbox(Actor actor, MultiProfileForm form) {
        if (!actor.seesEveryProfile()) {
            actor.require(Permission.COPY_EMBED_CODE);
            throw new NotFoundException();
        }
        return transactions.execute(status -> {
            actor.require(Permission.EDIT_LEADBOX);
            Map<String, String> errors = new LinkedHashMap<>();
            Valid valid = validated(form.settings(), errors);
            List<Profile> inUse = inUse();
            Map<UUID, Profile> byId = new LinkedHashMap<>();
            inUse.forEach(profile -> byId.put(profile.id(), profile));
            checkProfiles("profileOrder", form.profileOrder(), byId, errors);
            checkProfiles("shownProfileIds", form.shownProfileIds() == null ? null : List.copyOf(form.shownProfileIds()), byId, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            Leadbox before = multiProfile(actor);
            Map<String, String> changes = changes(before, valid);
            List<Leadbox> current = ordered(actor, inUse);
            if (form.profileOrder() != null) {
                List<Leadbox> wanted = reordered(current, form.profileOrder());
                if (!wanted.stream().map(Leadbox::id).toList().equals(current.stream().map(Leadbox::id).toList())) {
                    store.reorder(actor.accountId(), wanted.stream().map(Leadbox::id).toList());
                    changes.put("profileOrder", "changed");
                }
            }
            if (form.shownProfileIds() != null) {
                int switched = 0;
                for (Profile profile : inUse) {
                    boolean shown = form.shownProfileIds().contains(profile.id());
                    if (profile.settings().showInLeadbox() != shown) {
                        Profiles.Settings s = profile.settings();
                        profiles.update(profile.id(), new Profiles.Settings(s.name(), s.buttonName(), shown, s.timezone(), s.hours()));
                        switched++;
                    }
                }
                if (switched > 0) {
                    changes.put("shownProfiles", switched + (switched == 1 ? " profile" : " profiles") + " shown or hidden");
                }
            }
            save(actor, before, valid, changes, Map.of());
            return multiView(actor, store.find(before.id()).orElseThrow());
        });
    }

    private void save(Actor actor, Leadbox before, Valid valid, Map<String, String> changes, Map<String, String> more) {
        store.update(before, valid.enabled(), valid.appearance(), valid.origins(), clock.instant());
        if (!changes.isEmpty()) {
            Map<String, String> details = new LinkedHashMap<>(more);
            details.putAll(changes);
            audit.record(AuditEntry.of("leadbox.changed", Outcome.SUCCESS).inAccount(actor.accountId()).by(actor.userId())
                    .on("leadbox", before.id()).aboutProfile(before.profileId()).with(details));
        }
    }

    private Leadbox ofProfile(Actor actor, Profile profile) {
        return store.ofProfile(actor.accountId(), profile.id(), profile.settings().name(), clock.instant());
    }

    private Leadbox multiProfile(Actor actor) {
        return store.multiProfile(actor.accountId(), accountNames.nameOf(actor.accountId()), clock.instant());
    }

    private List<Profile> inUse() {
        return profiles.everyProfile().stream().filter(profile -> !profile.archived()).toList();
    }

    /** The profiles' Leadboxes (made now if need be) in the multi-profile order. */
    private List<Leadbox> ordered(Actor actor, List<Profile> inUse) {
        inUse.forEach(profile -> ofProfile(actor, profile));
        Set<UUID> ids = new java.util.HashSet<>(inUse.stream().map(Profile::id).toList());
        return store.profileLeadboxes().stream().filter(leadbox -> ids.contains(leadbox.profileId())).toList();
    }

    private static List<Leadbox> reordered(List<Leadbox> current, List<UUID> profileOrder) {
        Map<UUID, Integer> wanted = new HashMap<>();
        for (int i = 0; i < profileOrder.size(); i++) {
            wanted.put(profileOrder.get(i), i);
        }
        List<Leadbox> sorted = new ArrayList<>(current);
        // Named profiles first in the order named; the rest after them in their order (a stable sort keeps it).
        sorted.sort(Comparator.comparingInt(leadbox -> wanted.getOrDefault(leadbox.profileId(), Integer.MAX_VALUE)));
        return sorted;
    }

    private static void checkProfiles(String field, List<UUID> named, Map<UUID, Profile> inUse, Map<String, String> errors) {
        if (named == null) {
            return;
        }
        if (named.stream().anyMatch(id -> id == null || !inUse.containsKey(id))) {
            errors.put(field, "Name only profiles of this account that are in use.");
        } else if (new LinkedHashSet<>(named).size() != named.size()) {
            errors.put(field, "Name each profile once.");
        }
    }

    private View view(Actor actor, Profile profile, Leadbox leadbox) {
        boolean editable = actor.can(Permission.EDIT_LEADBOX);
        return new View(leadbox.id(), profile.id(), profile.settings().name(), embedCode(leadbox), SettingsForm.of(leadbox), editable,
                PhoneNumbers.international(profile.texting().phoneNumber()), List.of());
    }

    private View multiView(Actor actor, Leadbox leadbox) {
        List<Profile> inUse = inUse();
        Map<UUID, Profile> byId = new HashMap<>();
        inUse.forEach(profile -> byId.put(profile.id(), profile));
        List<Choice> choices = ordered(actor, inUse).stream().map(row -> byId.get(row.profileId())).map(profile -> new Choice(
                profile.id(), profile.settings().name(),
                Optional.ofNullable(profile.settings().buttonName()).filter(name -> !name.isBlank()).orElse(profile.settings().name()),
                profile.settings().showInLeadbox())).toList();
        return new View(leadbox.id(), null, null, embedCode(leadbox), SettingsForm.of(leadbox), actor.can(Permission.EDIT_LEADBOX),
                null, choices);
    }

    /** The one line a website's pages carry: Leadline's script, with the Leadbox's public key. */
    private String embedCode(Leadbox leadbox) {
        return "<script src=\"" + links.to(SCRIPT_PATH) + "\" data-leadbox=\"" + leadbox.widgetKey() + "\" async></script>";
    }

    private Profile visibleProfile(Actor actor, UUID profileId) {
        return profiles.find(profileId).filter(profile -> visible(actor, profile)).orElseThrow(NotFoundException::new);
    }

    /** As the Profiles page: the owner and partner users every profile, everyone else their own; archived ones have no Leadbox. */
    private static boolean visible(Actor actor, Profile profile) {
        return !profile.archived() && (actor.seesEveryProfile() || actor.canManageProfile(profile.id()));
    }

    /** Every field's error at once (into {@code errors}); what is valid, as it is stored. */
    private static Valid validated(SettingsForm form, Map<String, String> errors) {
        // One line on a button: line breaks and runs of blanks become one space.
        String buttonText = form.buttonText() == null ? "" : WHITESPACE.matcher(form.buttonText().strip()).replaceAll(" ");
        if (buttonText.isEmpty() || length(buttonText) > LeadboxRules.MAX_BUTTON_TEXT) {
            errors.put("buttonText", "Write the button's text, up to " + LeadboxRules.MAX_BUTTON_TEXT + " characters"
                    + (buttonText.isEmpty() ? "." : "; it has " + length(buttonText) + "."));
        }
        String colour = form.colour() == null ? "" : form.colour().strip();
        if (!COLOUR.matcher(colour).matches()) {
            errors.put("colour", "Choose a colour, written like #b8480c.");
        }
        String greeting = TypedText.of(form.greeting());
        if (length(greeting) > LeadboxRules.MAX_GREETING) {
            errors.put("greeting", "Keep the greeting to " + LeadboxRules.MAX_GREETING + " characters; it has " + length(greeting) + ".");
        }
        if (!form.offersText() && !form.offersCall()) {
            errors.put("channels", "Offer at least one way to reach you: text us, or the call button.");
        }
        String consent = TypedText.of(form.consent());
        if (consent.isEmpty()) {
            errors.put("consent", "Write the consent sentence: visitors must know you will text them.");
        } else if (length(consent) > LeadboxRules.MAX_CONSENT) {
            errors.put("consent", "Keep the consent sentence to " + LeadboxRules.MAX_CONSENT + " characters; it has " + length(consent) + ".");
        }
        List<String> origins = origins(form.allowedOrigins(), errors);
        return new Valid(form.enabled(), new Appearance(buttonText, colour.toLowerCase(Locale.ROOT), greeting, form.offersText(),
                form.offersCall(), consent), origins);
    }

    /** Each line's website as browsers name it (LeadboxRules.origin), once each; blank lines skipped. */
    private static List<String> origins(List<String> typed, Map<String, String> errors) {
        LinkedHashSet<String> origins = new LinkedHashSet<>();
        List<String> unreadable = new ArrayList<>();
        for (String line : typed == null ? List.<String>of() : typed) {
            if (line == null || line.isBlank()) {
                continue;
            }
            Optional<String> origin = LeadboxRules.origin(line);
            if (origin.isPresent()) {
                origins.add(origin.get());
            } else {
                unreadable.add(shown(line.strip()));
            }
        }
        if (!unreadable.isEmpty()) {
            errors.put("allowedOrigins", (unreadable.size() == 1 ? "\"" + unreadable.get(0) + "\" is not a website address"
                    : "These are not website addresses: \"" + String.join("\", \"", unreadable) + "\"")
                    + ". Write each like https://www.example.com, one per line.");
        } else if (origins.size() > LeadboxRules.MAX_ORIGINS) {
            errors.put("allowedOrigins", "List up to " + LeadboxRules.MAX_ORIGINS + " websites; there are " + origins.size() + ".");
        }
        return List.copyOf(origins);
    }

    private static String shown(String line) {
        return line.length() <= SHOWN_LINE ? line : line.substring(0, SHOWN_LINE) + "…";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** What the audit entry names: what changed, never the words typed (origins are addresses, not words: counted). */
    private static Map<String, String> changes(Leadbox before, Valid after) {
        Map<String, String> changes = new LinkedHashMap<>();
        Appearance was = before.appearance();
        Appearance is = after.appearance();
        if (before.enabled() != after.enabled()) {
            changes.put("enabled", after.enabled() ? "turned on" : "turned off");
        }
        if (!was.buttonText().equals(is.buttonText())) {
            changes.put("buttonText", "changed");
        }
        if (!was.colour().equals(is.colour())) {
            changes.put("colour", was.colour() + " to " + is.colour());
        }
        if (!was.greeting().equals(is.greeting())) {
            changes.put("greeting", "changed");
        }
        if (was.offersText() != is.offersText() || was.offersCall() != is.offersCall()) {
            changes.put("channels", channels(was) + " to " + channels(is));
        }
        if (!was.consent().equals(is.consent())) {
            changes.put("consent", "changed");
        }
        if (!Objects.equals(before.allowedOrigins(), after.origins())) {
            changes.put("allowedOrigins", after.origins().size() + (after.origins().size() == 1 ? " website" : " websites"));
        }
        return changes;
    }

    private static String channels(Appearance appearance) {
        return appearance.offersText() && appearance.offersCall() ? "text and call" : appearance.offersText() ? "text" : "call";
    }
}
