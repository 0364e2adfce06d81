package com.leadline.inbox.internal.conversation;

import com.leadline.devdata.internal.BenchmarkData;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/**
 * Server-side latency of the inbox's first pages and counts on the benchmark data (docs/BENCHMARKS.md), measured
 * in-process: each call is one {@link InboxReads} use case as a request runs it (its own transaction, the
 * tenant setting, the visibility rule, every query), without HTTP, JSON and the session. A second table times what
 * every API request does before it: the signed-in user checks and the {@link Actor} resolution, through the
 * application's own beans. Not part of the suite (the name doesn't end in Tests, and it needs the data):
 *
 * <pre>./mvnw -o -q test -Dtest=InboxBenchmark -Dleadline.benchmark.data-dir=/tmp/leadline-bench</pre>
 *
 * with the application stopped (the test starts the embedded database on that folder itself).
 */
@EnabledIfSystemProperty(named = "leadline.benchmark.data-dir", matches = ".+")
@SpringBootTest(properties = {
        "leadline.data-dir=${leadline.benchmark.data-dir}",
        "leadline.mail.relay-interval=1h",
})
class InboxBenchmark {

    private static final int WARM_UP = Integer.getInteger("leadline.benchmark.warm-up", 300);
    private static final int RUNS = Integer.getInteger("leadline.benchmark.runs", 2_000);

    @Autowired
    private InboxReads inbox;
    @Autowired
    private List<HandlerMethodArgumentResolver> resolvers;
    @Autowired
    private List<SignedInUserCheck> checks;
    @Autowired
    private org.springframework.transaction.PlatformTransactionManager transactionManager;
    @Value("${spring.flyway.url}")
    private String ownerUrl;
    @Value("${spring.flyway.password}")
    private String ownerPassword;

    @Test
    void firstPagesAndCounts() throws Exception {
        JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(ownerUrl, "postgres", ownerPassword));
        org.springframework.transaction.support.TransactionTemplate readOnly =
                new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        MethodParameter actorParameter = new MethodParameter(InboxReads.class.getDeclaredMethod("unreadCounts", Actor.class), 0);
        HandlerMethodArgumentResolver actors = resolvers.stream().filter(r -> r.supportsParameter(actorParameter)).findFirst()
                .orElseThrow();
        StringBuilder report = new StringBuilder();
        report.append("Warm-up ").append(WARM_UP).append(", measured ").append(RUNS).append(" calls each, one after another; ms\n\n");
        report.append("| actor | profiles | unread flags | query | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|\n");
        StringBuilder perRequest = new StringBuilder("| actor | signed-in checks + actor | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        for (String email : List.of(BenchmarkData.MEMBER_EMAIL, BenchmarkData.ADMIN_EMAIL, BenchmarkData.OWNER_EMAIL)) {
            AuthenticatedUser user = owner.sql("SELECT id, account_id, name, email FROM users WHERE email = :e").param("e", email)
                    .query((rs, n) -> AuthenticatedUser.atHome(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4)))
                    .single();
            long flags = owner.sql("SELECT count(*) FROM conversation_unread WHERE user_id = :u").param("u", user.userId())
                    .query(Long.class).single();
            Tenancy.bindToThread(user.accountId());
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
            try {
                Supplier<Actor> resolve = () -> {
                    // As the tenant filter runs them: together, in one read-only transaction.
                    readOnly.executeWithoutResult(status -> {
                        Optional<AuthenticatedUser> current = Optional.of(user);
                        for (SignedInUserCheck check : checks) {
                            current = current.flatMap(check::current);
                        }
                    });
                    try {
                        return (Actor) actors.resolveArgument(actorParameter, null, null, null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
                Actor actor = resolve.get();
                Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
                for (Tab tab : Tab.values()) {
                    queries.put(tab.name().toLowerCase(), () -> inbox.list(actor, tab, InboxPages.Filter.NONE, null));
                }
                queries.put("counts", () -> inbox.unreadCounts(actor));
                String who = actor.role().name().toLowerCase();
                for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
                    report.append("| ").append(who).append(" | ").append(actor.profileIds().size()).append(" | ").append(flags)
                            .append(" | ").append(query.getKey()).append(" | ").append(percentiles(query.getValue())).append('\n');
                }
                perRequest.append("| ").append(who).append(" | ").append(checks.size()).append(" checks, role, profiles | ")
                        .append(percentiles(resolve::get)).append('\n');
                InboxReads.Page all = inbox.list(actor, Tab.ALL, InboxPages.Filter.NONE, null);
                report.append("|  |  |  | (first page of all: ").append(all.conversations().size()).append(" rows, counts ")
                        .append(inbox.unreadCounts(actor)).append(") |  |  |  |  |\n");
            } finally {
                SecurityContextHolder.clearContext();
                Tenancy.clearThread();
            }
        }
        String text = report + "\n" + perRequest;
        System.out.println(text);
        Files.writeString(Path.of("target", "inbox-benchmark.md"), text);
    }

    private static String percentiles(Supplier<?> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return String.format("%.2f | %.2f | %.2f | %.2f |", at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99), nanos[RUNS - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
