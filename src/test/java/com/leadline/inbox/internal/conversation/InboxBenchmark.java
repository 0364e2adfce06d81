package com.leadline.inbox.internal.conversation;

import com.leadline.devdata.internal.BenchmarkData;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.CallerContext;
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
import java.util.function.Function;
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
 * Server-side latency of the inbox's first pages and counts, and of its searches, on the benchmark data (docs/BENCHMARKS.md), measured
 * in-process: each call is one {@link InboxReads} use case as a request runs it (its own transaction, the
 * tenant setting, the visibility rule, every query), without HTTP, JSON and the session. A second table times what
 * every API request does before it: the signed-in user checks and the {@link Actor} resolution, through the
 * application's own beans. Not part of the suite (the name doesn't end in Tests, and it needs the data):
 *
 * <pre>./mvnw -o -q test -Dtest=InboxBenchmark -Dleadline.benchmark.data-dir=/tmp/leadline-bench</pre>
 *
 * (one of the two with {@code -Dtest=InboxBenchmark#searches}; fewer calls with {@code -Dleadline.benchmark.runs=500})
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
    private Replies replies;
    @Autowired
    private com.leadline.inbox.InboundTexts inbound;
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
        measure("inbox-benchmark.md", actor -> {
            Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
            for (Tab tab : Tab.values()) {
                queries.put(tab.name().toLowerCase(), () -> inbox.list(actor, tab, InboxPages.Filter.NONE, null));
            }
            queries.put("counts", () -> inbox.unreadCounts(actor));
            return queries;
        }, actor -> {
            InboxReads.Page all = inbox.list(actor, Tab.ALL, InboxPages.Filter.NONE, null);
            return "first page of all: " + all.conversations().size() + " rows, counts " + inbox.unreadCounts(actor);
        });
    }

    /**
     * The search's first page (with its matched messages) and its count in All, for the searches of
     * docs/BENCHMARKS.md: words of messages (common, medium, rare, none), a partial name, partial phone numbers, a rare
     * word followed by an unfinished one-letter word.
     */
    @Test
    void searches() throws Exception {
        measure("search-benchmark.md", actor -> {
            Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
            for (String search : SEARCHES) {
                InboxPages.Filter filter = new InboxPages.Filter(null, null, false, search);
                queries.put("search " + search, () -> inbox.list(actor, Tab.ALL, filter, null));
                queries.put("count " + search, () -> inbox.searchCount(actor, Tab.ALL, filter));
            }
            return queries;
        }, actor -> {
            StringBuilder found = new StringBuilder("first pages:");
            for (String search : SEARCHES) {
                InboxPages.Filter filter = new InboxPages.Filter(null, null, false, search);
                InboxSearch.Count count = inbox.searchCount(actor, Tab.ALL, filter);
                found.append(' ').append(search).append(' ').append(inbox.list(actor, Tab.ALL, filter, null).conversations().size())
                        .append(" rows (").append(count.more() ? "1,000+" : String.valueOf(count.count())).append(");");
            }
            return found.toString();
        });
    }

    /**
     * Writing a message, as the owner's reply to a live conversation and as a lead's text to a profile
     * (a new conversation when the contact has none live), each to a different conversation or contact
     * drawn at random: the index maintenance of search (GIN pending-list flushes included) is in these
     * times. It adds messages to the data: run it last.
     */
    @Test
    void messageWrites() throws Exception {
        JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(ownerUrl, "postgres", ownerPassword));
        List<UUID> live = owner.sql("SELECT id FROM conversations WHERE state <> 'closed' ORDER BY random() LIMIT :n")
                .param("n", WARM_UP + RUNS).query(UUID.class).list();
        List<Map<String, Object>> contacts = owner.sql("SELECT account_id, profile_id, phone FROM contacts ORDER BY random() LIMIT :n")
                .param("n", WARM_UP + RUNS).query().listOfRows();
        int[] next = {0, 0};
        measure("write-benchmark.md", actor -> actor.role() != com.leadline.team.Role.OWNER ? Map.of() : Map.of(
                "reply", () -> {
                    int i = next[0]++;
                    try (CallerContext.Scope request = CallerContext.enterRequest("127.0.0.1", () -> null)) {
                        replies.reply(actor, live.get(i % live.size()), "Benchmark reply " + i + ": your appointment is confirmed.");
                    }
                    return null;
                },
                "inbound text", () -> {
                    Map<String, Object> contact = contacts.get(next[1]++ % contacts.size());
                    return CallerContext.callAsSystem("benchmark", () -> inbound.receiveInbound((UUID) contact.get("account_id"),
                            (UUID) contact.get("profile_id"), (String) contact.get("phone"), "Can I move my whitening to Friday?"));
                }), actor -> "");
    }

    private static final List<String> SEARCHES = List.of("appointment", "whitening", "boklouzoum", "veneers", "okaf", "zoe oka",
            "555 0123 4", "0123456", "boklouzoum a");

    private void measure(String file, Function<Actor, Map<String, Supplier<Object>>> queriesOf, Function<Actor, String> summaryOf)
            throws Exception {
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
                String who = actor.role().name().toLowerCase();
                for (Map.Entry<String, Supplier<Object>> query : queriesOf.apply(actor).entrySet()) {
                    report.append("| ").append(who).append(" | ").append(actor.profileIds().size()).append(" | ").append(flags)
                            .append(" | ").append(query.getKey()).append(" | ").append(percentiles(query.getValue())).append('\n');
                }
                perRequest.append("| ").append(who).append(" | ").append(checks.size()).append(" checks, role, profiles | ")
                        .append(percentiles(resolve::get)).append('\n');
                report.append("|  |  |  | (").append(summaryOf.apply(actor)).append(") |  |  |  |  |\n");
            } finally {
                SecurityContextHolder.clearContext();
                Tenancy.clearThread();
            }
        }
        String text = report + "\n" + perRequest;
        System.out.println(text);
        Files.writeString(Path.of("target", file), text);
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
