package com.leadline.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts embedded PostgreSQL when no external database is configured ({@code spring.datasource.url}
 * unset), keeping its data in {@code leadline.data-dir}/postgres so that it survives restarts.
 *
 * <p>Runs before any bean exists and points the standard {@code spring.datasource.*} and
 * {@code spring.flyway.*} properties at the new server: Flyway migrates as the server's superuser,
 * the application connects as the unprivileged {@value #APP_ROLE} role, so row-level security
 * applies to it. The server is registered as the context's first disposable bean, so it stops
 * only after everything that uses it has closed.
 */
public class EmbeddedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String APP_ROLE = "leadline_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        boolean ephemeral = environment.getProperty("leadline.embedded-database.ephemeral", Boolean.class, false);
        // A throwaway database (tests) gets a folder of its own: several test contexts may run side by side.
        Path dataDirectory = Path.of(environment.getProperty("leadline.data-dir", "./data"))
                .toAbsolutePath().normalize().resolve(ephemeral ? "postgres-" + java.util.UUID.randomUUID() : "postgres");
        EmbeddedPostgres postgres = start(dataDirectory, ephemeral);
        createApplicationRole(postgres);

        // Not zonky's getJdbcUrl: it puts user=postgres in the URL, which would override the application role.
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        environment.getPropertySources().addFirst(new MapPropertySource("leadlineEmbeddedDatabase", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", APP_ROLE,
                "spring.datasource.password", APP_ROLE,
                "spring.flyway.url", url,
                "spring.flyway.user", "postgres",
                "spring.flyway.password", "",
                "leadline.embedded-database.active", "true")));
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerDisposableBean("leadlineEmbeddedPostgres", () -> stop(postgres, dataDirectory, ephemeral));
        log.info("Embedded PostgreSQL is running on port {} with data in {}", postgres.getPort(), dataDirectory);
    }

    private static EmbeddedPostgres start(Path dataDirectory, boolean ephemeral) {
        try {
            Files.createDirectories(dataDirectory);
            stopServerLeftRunning(dataDirectory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky switches durability off for throwaway test databases; ours keeps data.
                    .setServerConfig("fsync", ephemeral ? "off" : "on")
                    .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                    .setServerConfig("full_page_writes", ephemeral ? "off" : "on")
                    .setServerConfig("max_connections", "100")
                    // Not the environment's locale: without LANG, initdb would pick SQL_ASCII.
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** After a {@code kill -9} of the application the old server keeps running on the data folder. */
    private static void stopServerLeftRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        if (server.isPresent() && server.get().isAlive() && server.get().info().command().orElse("").contains("postgres")) {
            log.warn("Stopping embedded PostgreSQL (pid {}) left running by an earlier process", server.get().pid());
            server.get().destroy();
            try {
                server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                server.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static void createApplicationRole(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN PASSWORD '%1$s' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                      END IF;
                    END $$""".formatted(APP_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role in embedded PostgreSQL", e);
        }
    }

    private static void stop(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) throws IOException {
        postgres.close();
        if (ephemeral) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }
}
