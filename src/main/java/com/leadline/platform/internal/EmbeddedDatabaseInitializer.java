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
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
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
 * applies to it. Both need a password ({@code scram-sha-256} for every connection); the passwords
 * are generated at first start and kept in {@link EmbeddedDatabaseCredentials}. The server is
 * registered as the context's first disposable bean, so it stops only after everything that uses it
 * has closed.
 */
public class EmbeddedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String APP_ROLE = "leadline_app";
    static final String SUPERUSER = "postgres";
    static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    private static final String PASSWORD_AUTHENTICATION = "scram-sha-256";
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
        Started started = start(dataDirectory, ephemeral);
        EmbeddedPostgres postgres = started.postgres();
        ensureApplicationRole(postgres, started.credentials());

        // Not zonky's getJdbcUrl: it puts user=postgres in the URL, which would override the application role.
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", APP_ROLE,
                "spring.datasource.password", started.credentials().applicationPassword(),
                "spring.flyway.url", url,
                "spring.flyway.user", SUPERUSER,
                "spring.flyway.password", started.credentials().superuserPassword(),
                "leadline.embedded-database.active", "true"));
        if (environment.getProperty(POOL_SIZE) == null) {
            properties.put(POOL_SIZE, poolSizeForThisMachine());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("leadlineEmbeddedDatabase", properties));
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
        beanFactory.registerDisposableBean("leadlineEmbeddedPostgres", () -> stop(postgres, dataDirectory, ephemeral));
        log.info("Embedded PostgreSQL is running on port {} with data in {} (passwords in {})", postgres.getPort(), dataDirectory,
                EmbeddedDatabaseCredentials.FILE_NAME);
    }

    /**
     * The database runs on the application's own cores: more connections than two per core only make its
     * backends take turns (docs/BENCHMARKS.md, "Search": 4 instead of Hikari's 10 on 2 cores, a medium
     * word's search from about 280 to about 330 requests/s). Never fewer than 4.
     */
    static int poolSizeForThisMachine() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    private record Started(EmbeddedPostgres postgres, EmbeddedDatabaseCredentials credentials) {
    }

    private static Started start(Path dataDirectory, boolean ephemeral) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedDatabaseCredentials.requireOwnerOnlyPermissions(dataDirectory);
            EmbeddedDataFolder.stopServerLeftRunning(dataDirectory);
            EmbeddedDataFolder.deletePasswordDrafts(dataDirectory);
            if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
                return initialise(dataDirectory, ephemeral);
            }
            if (!Files.exists(EmbeddedDatabaseCredentials.fileIn(dataDirectory))) {
                if (!EmbeddedDataFolder.trustsLocalConnections(dataDirectory)) {
                    throw new IllegalStateException("Embedded PostgreSQL in " + dataDirectory + " requires passwords, but "
                            + EmbeddedDatabaseCredentials.fileIn(dataDirectory) + ", which holds them, is missing, so Leadline"
                            + " cannot sign in to its database. Restore that file (from a backup of the same folder), or, to"
                            + " start afresh with an empty database, delete the folder " + dataDirectory);
                }
                return requirePasswords(dataDirectory, ephemeral);
            }
            EmbeddedDatabaseCredentials credentials = EmbeddedDatabaseCredentials.readFrom(dataDirectory);
            EmbeddedPostgres postgres = builder(dataDirectory, ephemeral)
                    .setConnectConfig("password", credentials.superuserPassword())
                    .setDataDirectoryCustomizer(directory -> EmbeddedDataFolder.writePasswordOnlyAccess(directory.toPath()))
                    .start();
            return new Started(postgres, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** A new data directory never trusts anyone: initdb sets the superuser's password and password authentication. */
    private static Started initialise(Path dataDirectory, boolean ephemeral) throws IOException {
        EmbeddedDatabaseCredentials credentials = EmbeddedDatabaseCredentials.generate();
        // initdb needs an empty data directory, so the password file waits next to it until initdb has read it.
        Path passwordFile = EmbeddedDatabaseCredentials.ownerOnlyFile(dataDirectory.getParent(), EmbeddedDataFolder.initdbPasswordPrefix(dataDirectory));
        try {
            Files.writeString(passwordFile, credentials.superuserPassword() + "\n");
            EmbeddedPostgres postgres = builder(dataDirectory, ephemeral)
                    // zonky passes extra initdb options only as "locale" settings, each as --key=value after its own -A trust.
                    .setLocaleConfig("auth", PASSWORD_AUTHENTICATION)
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", credentials.superuserPassword())
                    .setDataDirectoryCustomizer(directory -> {
                        writeCredentials(credentials, directory.toPath());
                        EmbeddedDataFolder.writePasswordOnlyAccess(directory.toPath());
                    })
                    .start();
            return new Started(postgres, credentials);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /**
     * A data directory from a Leadline before passwords trusts every local connection: start it so once
     * more, set the passwords, and only then write them down and switch the server to password authentication.
     */
    private static Started requirePasswords(Path dataDirectory, boolean ephemeral) throws IOException {
        EmbeddedPostgres postgres = builder(dataDirectory, ephemeral).start();
        EmbeddedDatabaseCredentials credentials = EmbeddedDatabaseCredentials.generate();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            setPassword(connection, SUPERUSER, credentials.superuserPassword());
            writeCredentials(credentials, dataDirectory);
            EmbeddedDataFolder.writePasswordOnlyAccess(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("Could not set passwords in embedded PostgreSQL in " + dataDirectory
                    + " (a data directory without " + EmbeddedDatabaseCredentials.FILE_NAME + " must accept local connections"
                    + " without a password, as one made by an older Leadline does; delete the folder to start afresh)", e);
        }
        log.warn("Embedded PostgreSQL in {} accepted local connections without a password; it now requires the passwords in {}",
                dataDirectory, EmbeddedDatabaseCredentials.fileIn(dataDirectory));
        return new Started(postgres, credentials);
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean ephemeral) {
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
                .setServerConfig("password_encryption", PASSWORD_AUTHENTICATION)
                // Not the environment's locale: without LANG, initdb would pick SQL_ASCII.
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C");
    }

    private static void writeCredentials(EmbeddedDatabaseCredentials credentials, Path dataDirectory) {
        try {
            credentials.writeTo(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + EmbeddedDatabaseCredentials.fileIn(dataDirectory), e);
        }
    }

    /** Sent already hashed (SCRAM), so the password itself never reaches the server or its log. */
    private static void setPassword(Connection connection, String role, String password) throws SQLException {
        connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), PASSWORD_AUTHENTICATION);
    }

    /** The application role exists, with the password from the credentials file, whatever an earlier start left. */
    private static void ensureApplicationRole(EmbeddedPostgres postgres, EmbeddedDatabaseCredentials credentials) {
        DataSource superuser = postgres.getDatabase(SUPERUSER, "postgres", Map.of("password", credentials.superuserPassword()));
        try (Connection connection = superuser.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                      END IF;
                    END $$""".formatted(APP_ROLE));
            setPassword(connection, APP_ROLE, credentials.applicationPassword());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the application role in embedded PostgreSQL", e);
        }
    }

    private static void stop(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) throws IOException {
        postgres.close();
        if (ephemeral) {
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
    }
}
