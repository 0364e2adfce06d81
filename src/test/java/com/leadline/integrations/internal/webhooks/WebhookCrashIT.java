package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.integrations.internal.webhooks.WebhookReceiver.Answer;
import com.leadline.integrations.internal.webhooks.WebhookReceiver.Received;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 with webhook deliveries pending and in flight loses none: the packaged application runs in a
 * child JVM on a data folder of its own (embedded PostgreSQL, local mode), deliveries are written into
 * its database, the receiver fails some and hangs on others, the JVM is killed (SIGKILL), and a second
 * start on the same folder delivers every message id. Failsafe runs it after {@code package}; the
 * embedded database the killed JVM left running is stopped (by the second start, and checked here),
 * then the second child, and the folder is deleted.
 */
class WebhookCrashIT {

    private static final Path JAR = Path.of(System.getProperty("leadline.packaged-jar", "target/leadline.jar"));
    private static final int DELIVERIES = 40;

    private Path folder;
    private Path data;
    private WebhookReceiver receiver;
    private final List<Process> children = new ArrayList<>();
    private final Set<Long> postgresPids = new HashSet<>();

    @BeforeEach
    void prepare() throws IOException {
        Files.createDirectories(Path.of("target"));
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "webhook-crash-");
        data = folder.resolve("data");
        receiver = new WebhookReceiver(Instant::now);
    }

    @Test
    void deliveriesPendingAndInFlightWhenTheApplicationIsKilledAllArriveAfterTheNextStart() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(false);
        // Before the kill: the first three attempts fail at once, every later one hangs (in flight when killed).
        receiver.answering(request -> healthy.get() ? Answer.ok()
                : request.seq() <= 3 ? Answer.status(500) : new Answer(200, Duration.ofSeconds(90), Map.of(), "too late"));

        Instant began = Instant.now();
        Process first = start("first");
        step(began, "first start ready");
        Set<String> messageIds = queueDeliveries();
        await("some attempts failed and one hangs in flight", Duration.ofSeconds(60), () -> receiver.received().size() >= 4);
        Map<String, Integer> before = statuses();
        rememberPostgres();
        step(began, "killing the first JVM with " + before);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(before.getOrDefault("delivered", 0)).as("nothing delivered before the kill: %s", before).isZero();
        assertThat(before.getOrDefault("sending", 0)).as("claimed and in flight at the kill: %s", before).isPositive();

        healthy.set(true);
        start("second");
        step(began, "second start ready");
        await("every message id accepted after the restart", Duration.ofSeconds(60),
                () -> acceptedIds().containsAll(messageIds));

        assertThat(acceptedIds()).containsAll(messageIds);
        await("every delivery recorded as delivered", Duration.ofSeconds(20),
                () -> statuses().getOrDefault("delivered", 0) == DELIVERIES);
        step(began, "all delivered");
    }

    private static void step(Instant began, String what) {
        System.out.println("WebhookCrashIT +" + Duration.between(began, Instant.now()).toMillis() + " ms: " + what);
    }

    /** Message ids the receiver answered 200 after the restart (before it, it answered 500 or hung until the kill). */
    private Set<String> acceptedIds() {
        Set<String> ids = new HashSet<>();
        for (Received request : receiver.received()) {
            if (request.seq() > receivedBeforeRestart && request.answeredStatus() == 200) {
                ids.add(request.messageId());
            }
        }
        return ids;
    }

    private volatile int receivedBeforeRestart = Integer.MAX_VALUE;

    private Process start(String name) throws Exception {
        if (name.equals("second")) {
            receivedBeforeRestart = receiver.received().size();
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--leadline.data-dir=" + data,
                "--leadline.webhooks.relay-interval=1s",
                "--leadline.webhooks.lease=10s",
                "--leadline.webhooks.first-retry=2s",
                "--leadline.webhooks.read-timeout=60s")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile())
                .start();
        children.add(process);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(name + " start (log in " + folder.resolve(name + ".log") + ")", Duration.ofSeconds(120), () -> {
            assertThat(process.isAlive()).as(name + " exited: " + tail(name)).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return process;
    }

    /** An account, an endpoint to the receiver and DELIVERIES pending deliveries, written as the database's superuser. */
    private Set<String> queueDeliveries() throws Exception {
        UUID account = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID endpoint = UUID.randomUUID();
        Set<String> ids = new HashSet<>();
        try (Connection db = connect()) {
            run(db, "INSERT INTO accounts (id, name, created_at) VALUES (?, 'Crash Hooks', now())", account);
            run(db, "INSERT INTO users (id, account_id, email, name, status, created_at) VALUES (?, ?, ?, 'Olive Owner', 'invited', now())",
                    user, account, "crash-" + user + "@example.com");
            run(db, """
                    INSERT INTO webhook_endpoints (account_id, id, url, all_profiles, event_types, secret, created_by, created_at)
                    VALUES (?, ?, ?, true, '{lead.created}', ?, ?, now())""",
                    account, endpoint, receiver.url("/crash"), StandardWebhookSignature.newSecret(), user);
            List<UUID> keys = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            for (int n = 0; n < DELIVERIES; n++) {
                String id = WebhookOutbox.newMessageId();
                ids.add(id);
                run(db, """
                        INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, ordering_key, payload,
                                                        status, next_attempt_at, created_at)
                        VALUES (?, ?, ?, 'lead.created', ?, ?, 'pending', now(), now())""",
                        account, endpoint, id, n % 4 == 3 ? null : keys.get(n % 3), "{\"type\":\"lead.created\",\"n\":" + n + "}");
            }
        }
        return ids;
    }

    private Map<String, Integer> statuses() {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(
                "SELECT status, count(*) FROM webhook_deliveries GROUP BY status"); ResultSet rows = statement.executeQuery()) {
            Map<String, Integer> counts = new java.util.HashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
            return counts;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** As the superuser, with the password the embedded database keeps in its data folder, on the port its pid file names. */
    private Connection connect() throws Exception {
        Path postgres = data.resolve("postgres");
        List<String> pid = Files.readAllLines(postgres.resolve("postmaster.pid"));
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(postgres.resolve("leadline-credentials.properties"), StandardCharsets.UTF_8)) {
            credentials.load(reader);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres", "postgres",
                credentials.getProperty("postgres.password"));
    }

    private static void run(Connection db, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private void rememberPostgres() throws IOException {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            postgresPids.add(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        }
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(folder.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        Instant began = Instant.now();
        receiver.close();
        try {
            rememberPostgres();
        } catch (IOException ignored) {
            // no database was started
        }
        for (Process child : children) {
            if (child.isAlive()) {
                child.destroy();
                if (!child.waitFor(40, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                    child.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        for (long pid : postgresPids) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().orElse("").contains("postgres"))
                    .ifPresent(server -> {
                        server.destroy();
                        try {
                            server.onExit().get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            server.destroyForcibly();
                        }
                    });
        }
        step(began, "children and databases stopped");
        if (folder != null) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
