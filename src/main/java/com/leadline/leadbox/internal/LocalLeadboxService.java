package com.leadline.leadbox.internal;

import com.leadline.accounts.Profiles;
import com.leadline.accounts.Profiles.ProfileSummary;
import com.leadline.identity.AccountNames;
import com.leadline.leadbox.LocalLeadboxes;
import com.leadline.platform.Tenancy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class LocalLeadboxService implements LocalLeadboxes {

    static final String MULTI_PROFILE_NAME = "All profiles";

    private final LeadboxStore store;
    private final Profiles profiles;
    private final AccountNames accountNames;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    LocalLeadboxService(LeadboxStore store, Profiles profiles, AccountNames accountNames, Tenancy tenancy,
                        PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.store = store;
        this.profiles = profiles;
        this.accountNames = accountNames;
        this.tenancy = tenancy;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public List<Embed> allowWebsite(UUID accountId, String origin, Instant now) {
        String website = LeadboxRules.origin(origin)
                .orElseThrow(() -> new IllegalArgumentException("Not a website's origin: " + origin));
        return tenancy.inAccount(accountId, () -> transaction.execute(status -> {
            String business = accountNames.nameOf(accountId);
            List<Leadbox> leadboxes = new ArrayList<>();
            leadboxes.add(store.multiProfile(accountId, business, now));
            for (ProfileSummary profile : profiles.all()) {
                leadboxes.add(store.ofProfile(accountId, profile.id(), business, now));
            }
            for (Leadbox leadbox : leadboxes) {
                Set<String> origins = new LinkedHashSet<>(leadbox.allowedOrigins());
                if (origins.add(website) && origins.size() <= LeadboxRules.MAX_ORIGINS) {
                    store.update(leadbox, leadbox.enabled(), leadbox.appearance(), List.copyOf(origins), now);
                }
            }
            return embedsOfCurrentAccount();
        }));
    }

    @Override
    public List<Embed> embeds(UUID accountId) {
        return tenancy.inAccount(accountId, () -> transaction.execute(status -> embedsOfCurrentAccount()));
    }

    private List<Embed> embedsOfCurrentAccount() {
        Map<UUID, String> names = profiles.all().stream()
                .collect(Collectors.toMap(ProfileSummary::id, ProfileSummary::name, (a, b) -> a));
        List<Embed> embeds = new ArrayList<>();
        jdbc.sql("SELECT id FROM leadboxes WHERE profile_id IS NULL").query(UUID.class).optional()
                .flatMap(store::find).map(embed(leadbox -> MULTI_PROFILE_NAME)).ifPresent(embeds::add);
        store.profileLeadboxes().stream()
                .filter(leadbox -> names.containsKey(leadbox.profileId()))
                .map(embed(leadbox -> names.get(leadbox.profileId())))
                .forEach(embeds::add);
        return embeds;
    }

    private static Function<Leadbox, Embed> embed(Function<Leadbox, String> name) {
        return leadbox -> new Embed(leadbox.widgetKey(), name.apply(leadbox), leadbox.multiProfile(), leadbox.enabled(),
                leadbox.allowedOrigins());
    }
}
