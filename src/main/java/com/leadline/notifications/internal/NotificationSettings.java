package com.leadline.notifications.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Tenancy;
import com.leadline.team.ActorLookup;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's own notification choices (PERMISSIONS.md row 13: everyone signed in edits their own), kept in
 * their own account, whichever account they work in now; and the one-click unsubscribe. One transaction each.
 */
@Service
class NotificationSettings {

    /** What the settings section shows: the choices in effect, and the new-lead default that applies to this person. */
    record View(boolean assignmentEmail, NewLeadChoice newLead, NewLeadChoice newLeadDefault) {
    }

    private final Preferences preferences;
    private final UnsubscribeTokens tokens;
    private final ActorLookup actors;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NotificationSettings(Preferences preferences, UnsubscribeTokens tokens, ActorLookup actors, Tenancy tenancy,
                         TransactionTemplate transactions, Clock clock) {
        this.preferences = preferences;
        this.tokens = tokens;
        this.actors = actors;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    View view(AuthenticatedUser user) {
        return atHome(user, () -> transactions.execute(status -> {
            Preferences.Stored stored = preferences.of(user.userId());
            NewLeadChoice byDefault = actors.actorOf(atHomeUser(user)).map(Recipients::defaultNewLead).orElse(NewLeadChoice.EACH);
            return new View(stored.assignmentEmail() == null || stored.assignmentEmail(),
                    stored.newLead() == null ? byDefault : stored.newLead(), byDefault);
        }));
    }

    /**
     * Saves both choices as given: {@code assignmentEmail} is a checkbox (absent: off; "on": on), {@code newLead}
     * one of each, digest, off. Anything else is refused (422) and nothing changes.
     */
    void save(AuthenticatedUser user, String assignmentEmail, String newLead) {
        Boolean assignment = assignmentEmail == null ? Boolean.FALSE : "on".equals(assignmentEmail) ? Boolean.TRUE : null;
        NewLeadChoice choice = newLead == null ? null : NewLeadChoice.fromCode(newLead).orElse(null);
        if (assignment == null) {
            throw InvalidInputException.of("assignmentEmail", "Tick the box for assignment emails, or leave it empty for none.");
        }
        if (choice == null) {
            throw InvalidInputException.of("newLead", "Choose one: an email for each new lead, a summary, or none.");
        }
        atHome(user, () -> transactions.execute(status -> {
            preferences.save(user.homeAccountId(), user.userId(), assignment, choice, clock.instant());
            if (choice != NewLeadChoice.DIGEST) {
                // Leads waiting for a digest someone no longer wants are not sent later in one.
                preferences.clearDigest(user.userId());
            }
            return null;
        }));
    }

    /** What the token names, for the page that offers the button; empty for a token that is not ours. */
    java.util.Optional<NotificationKind> kindOf(String token) {
        return transactions.execute(status -> tokens.find(token).map(UnsubscribeTokens.Holder::kind));
    }

    /** Turns off exactly the kind of email the token names, for the person it names. */
    java.util.Optional<NotificationKind> unsubscribe(String token) {
        return transactions.execute(status -> tokens.find(token).map(holder -> tenancy.inAccount(holder.accountId(), () -> {
            preferences.turnOff(holder.accountId(), holder.userId(), holder.kind(), clock.instant());
            tokens.markUsed(holder.accountId(), token, clock.instant());
            return holder.kind();
        })));
    }

    private static AuthenticatedUser atHomeUser(AuthenticatedUser user) {
        return AuthenticatedUser.atHome(user.userId(), user.homeAccountId(), user.displayName(), user.email());
    }

    private <T> T atHome(AuthenticatedUser user, java.util.function.Supplier<T> work) {
        UUID home = user.homeAccountId();
        return tenancy.inAccount(home, work);
    }
}
