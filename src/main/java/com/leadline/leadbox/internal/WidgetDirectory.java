package com.leadline.leadbox.internal;

import com.leadline.accounts.Profiles;
import com.leadline.accounts.Profiles.Profile;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the widget a public request's key names, in whichever account it is. Unknown keys, disabled
 * Leadboxes and the Leadbox of an archived profile are not found alike: the widget shows nothing.
 * What a key finds is kept a few seconds ({@link RecentWidgets}).
 */
@Component
class WidgetDirectory {

    private final LeadboxStore leadboxes;
    private final Profiles profiles;
    private final Tenancy tenancy;
    private final TransactionTemplate reads;
    private final RecentWidgets recent;

    WidgetDirectory(LeadboxStore leadboxes, Profiles profiles, Tenancy tenancy, PlatformTransactionManager transactionManager,
                    RecentWidgets recent) {
        this.leadboxes = leadboxes;
        this.recent = recent;
        this.profiles = profiles;
        this.tenancy = tenancy;
        this.reads = Transactions.readOnly(transactionManager);
    }

    Optional<Widget> find(String widgetKey) {
        if (widgetKey == null || !widgetKey.matches("[A-Za-z0-9_-]{16,64}")) {
            return Optional.empty();
        }
        // The account first, then the transaction: it starts in the account (one statement fewer than switching inside).
        return leadboxes.route(widgetKey).flatMap(route -> recent.get(widgetKey, route.accountId(), () ->
                tenancy.inAccount(route.accountId(), () -> reads.execute(status -> leadboxes.find(route.leadboxId())
                        .filter(Leadbox::enabled)
                        .flatMap(this::widget)))));
    }

    private Optional<Widget> widget(Leadbox leadbox) {
        if (!leadbox.multiProfile()) {
            return profiles.find(leadbox.profileId()).filter(profile -> !profile.archived())
                    .map(profile -> new Widget(leadbox, List.of(Widget.Choice.of(profile))));
        }
        Map<UUID, Integer> positions = leadboxes.profileLeadboxes().stream()
                .collect(Collectors.toMap(Leadbox::profileId, Leadbox::position));
        List<Widget.Choice> choices = profiles.everyProfile().stream()
                .filter(profile -> !profile.archived() && profile.settings().showInLeadbox())
                // everyProfile is by name: a profile whose Leadbox was never opened comes after the ordered ones, by name.
                .sorted(Comparator.comparing((Profile profile) -> positions.getOrDefault(profile.id(), Integer.MAX_VALUE)))
                .map(Widget.Choice::of)
                .toList();
        return choices.isEmpty() ? Optional.empty() : Optional.of(new Widget(leadbox, choices));
    }
}
