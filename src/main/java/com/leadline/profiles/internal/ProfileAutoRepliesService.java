package com.leadline.profiles.internal;

import com.leadline.accounts.Profiles;
import com.leadline.accounts.Profiles.Profile;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.inbox.AutoReplies;
import com.leadline.inbox.AutoReplies.Reply;
import com.leadline.inbox.AutoReplies.Settings;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.TypedText;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Auto replies section of a profile: its new-lead and after-hours texts, each on or off, read by
 * whoever sees the profile and changed by those PERMISSIONS.md row 19 names (the owner, the profile's
 * admins, partner admins). The inbox stores and sends them ({@link AutoReplies}).
 */
@Service
class ProfileAutoRepliesService {

    private static final Pattern BRACED = Pattern.compile("\\{[^{}]*}");

    /** The section as typed (the form's and the API's fields). */
    record AutoRepliesForm(boolean newLeadEnabled, String newLeadText, boolean afterHoursEnabled, String afterHoursText) {

        static AutoRepliesForm of(Settings settings) {
            return new AutoRepliesForm(settings.newLead().enabled(), settings.newLead().text(),
                    settings.afterHours().enabled(), settings.afterHours().text());
        }
    }

    private final Profiles profiles;
    private final AutoReplies autoReplies;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProfileAutoRepliesService(Profiles profiles, AutoReplies autoReplies, AuditLog audit, TransactionTemplate transactions,
                              Clock clock) {
        this.profiles = profiles;
        this.autoReplies = autoReplies;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What is stored, for whoever sees the profile. */
    Settings get(Actor actor, UUID profileId) {
        return transactions.execute(status -> autoReplies.of(visible(actor, profileId).id()));
    }

    /** Both replies saved at once, or, with any field wrong, nothing and every field's error. */
    Settings change(Actor actor, UUID profileId, AutoRepliesForm form) {
        return transactions.execute(status -> {
            Profile profile = visible(actor, profileId);
            actor.require(Permission.EDIT_AUTO_REPLIES);
            Settings after = validated(form);
            Settings before = autoReplies.of(profile.id());
            autoReplies.save(actor.accountId(), profile.id(), after, clock.instant());
            Map<String, String> changes = new LinkedHashMap<>();
            describe(changes, "newLead", before.newLead(), after.newLead());
            describe(changes, "afterHours", before.afterHours(), after.afterHours());
            if (!changes.isEmpty()) {
                audit.record(AuditEntry.of("profile.auto_replies_changed", Outcome.SUCCESS).inAccount(actor.accountId())
                        .by(actor.userId()).on("profile", profile.id()).aboutProfile(profile.id()).with(changes));
            }
            return after;
        });
    }

    private Profile visible(Actor actor, UUID profileId) {
        return profiles.find(profileId).filter(found -> ProfileService.visible(actor, found)).orElseThrow(NotFoundException::new);
    }

    private static Settings validated(AutoRepliesForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Reply newLead = reply("newLeadText", form.newLeadEnabled(), form.newLeadText(), errors);
        Reply afterHours = reply("afterHoursText", form.afterHoursEnabled(), form.afterHoursText(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Settings(newLead, afterHours);
    }

    /** One reply's text: up to 480 characters, known placeholders only, and words when it is on. */
    private static Reply reply(String field, boolean enabled, String typed, Map<String, String> errors) {
        String text = TypedText.of(typed);
        if (text.codePointCount(0, text.length()) > AutoReplies.MAX_TEXT) {
            errors.put(field, "Keep the reply to " + AutoReplies.MAX_TEXT + " characters; it has "
                    + text.codePointCount(0, text.length()) + ".");
        } else if (enabled && text.isEmpty()) {
            errors.put(field, "Write the reply, or turn it off.");
        } else {
            Matcher braced = BRACED.matcher(text);
            while (braced.find()) {
                if (!AutoReplies.PLACEHOLDERS.contains(braced.group())) {
                    errors.put(field, braced.group() + " is not a placeholder. Use {first_name} or {button_name}.");
                    break;
                }
            }
        }
        return new Reply(enabled, text);
    }

    /** What the audit entry names: on or off, and that a text changed (never its words). */
    private static void describe(Map<String, String> changes, String name, Reply before, Reply after) {
        if (before.enabled() != after.enabled()) {
            changes.put(name, after.enabled() ? "turned on" : "turned off");
        }
        if (!before.text().equals(after.text())) {
            changes.put(name + "Text", "changed");
        }
    }
}
