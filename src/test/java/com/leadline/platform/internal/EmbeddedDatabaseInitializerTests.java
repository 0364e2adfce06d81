package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded database lets nobody in without a password: not its superuser, not the application
 * role, on no connection; the passwords are generated and kept in a file only its owner can read.
 */
class EmbeddedDatabaseInitializerTests {

    @TempDir
    Path dataDir;

    @Test
    void aNewDatabaseAcceptsOnlyThePasswordsItGeneratedIntoAnOwnerOnlyFile() throws Exception {
        Path postgresData = dataDir.resolve("postgres");
        // As a crash between writing initdb's password file and deleting it leaves it: the live superuser password.
        Files.writeString(dataDir.resolve("postgres-password4711.tmp"), "an earlier superuser password\n");
        try (GenericApplicationContext context = startedOn(dataDir)) {
            Environment environment = context.getEnvironment();
            EmbeddedDatabaseCredentials credentials = EmbeddedDatabaseCredentials.readFrom(postgresData);

            assertThat(Files.getPosixFilePermissions(EmbeddedDatabaseCredentials.fileIn(postgresData)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(postgresData)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(List.of(credentials.superuserPassword(), credentials.applicationPassword()))
                    .allSatisfy(password -> assertThat(password).hasSizeGreaterThanOrEqualTo(43).isNotIn("", "postgres", "leadline_app"))
                    .doesNotHaveDuplicates();
            assertThat(environment.getProperty("spring.flyway.password")).isEqualTo(credentials.superuserPassword());
            assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(credentials.applicationPassword());
            assertPasswordsRequired(environment.getProperty("spring.datasource.url"), credentials);
            assertThat(environment.getProperty(EmbeddedDatabaseInitializer.POOL_SIZE, Integer.class))
                    .as("two connections per core of this machine, which the database shares")
                    .isEqualTo(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        }
        try (GenericApplicationContext context = startedOn(dataDir, Map.of(EmbeddedDatabaseInitializer.POOL_SIZE, "7"))) {
            assertThat(context.getEnvironment().getProperty(EmbeddedDatabaseInitializer.POOL_SIZE)).as("a size set by hand stays").isEqualTo("7");
        }
        try (var left = Files.list(dataDir)) {
            assertThat(left).as("initdb's password files are gone, the leftover too").containsExactly(postgresData);
        }
    }

    @Test
    void aPasswordProtectedDatabaseWithoutItsCredentialsFileIsRefusedAtOnceWithoutStartingIt() throws Exception {
        Path postgresData = dataDir.resolve("postgres");
        startedOn(dataDir).close();
        // A deleted file, a backup restored without it, or a crash between initdb and writing it.
        Files.delete(EmbeddedDatabaseCredentials.fileIn(postgresData));

        long started = System.nanoTime();
        assertThatThrownBy(() -> startedOn(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(EmbeddedDatabaseCredentials.fileIn(postgresData).toString())
                .hasMessageContaining("missing").hasMessageContaining("Restore").hasMessageContaining("delete the folder");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for a server").isLessThan(Duration.ofSeconds(5));
        assertThat(postgresData.resolve("postmaster.pid")).as("no server started").doesNotExist();
    }

    @Test
    void aDatabaseThatTrustedLocalConnectionsIsSwitchedToPasswordsOnceAndKeepsThem() throws Exception {
        Path postgresData = dataDir.resolve("postgres");
        // As a Leadline before passwords left it: initdb's trust, and the application role's password its own name.
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(postgresData).setCleanDataDirectory(false)
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C").start()) {
            JdbcClient.create(older.getPostgresDatabase()).sql("CREATE ROLE leadline_app LOGIN PASSWORD 'leadline_app'").update();
        }
        // As a crash while writing the credentials file leaves its draft: both passwords in a file nobody reads.
        Path draft = Files.writeString(postgresData.resolve("credentials8080.tmp"), "postgres.password=earlier\n");
        EmbeddedDatabaseCredentials credentials;
        try (GenericApplicationContext context = startedOn(dataDir)) {
            credentials = EmbeddedDatabaseCredentials.readFrom(postgresData);
            assertThat(Files.getPosixFilePermissions(EmbeddedDatabaseCredentials.fileIn(postgresData)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertPasswordsRequired(context.getEnvironment().getProperty("spring.datasource.url"), credentials);
        }
        assertThat(draft).as("the leftover draft is gone").doesNotExist();

        try (GenericApplicationContext context = startedOn(dataDir)) {
            assertThat(EmbeddedDatabaseCredentials.readFrom(postgresData)).as("the same passwords").isEqualTo(credentials);
            assertPasswordsRequired(context.getEnvironment().getProperty("spring.datasource.url"), credentials);
        }
    }

    private static void assertPasswordsRequired(String url, EmbeddedDatabaseCredentials credentials) throws SQLException {
        assertRefused(url, "postgres", null);
        assertRefused(url, "postgres", "");
        assertRefused(url, "postgres", "postgres");
        assertRefused(url, "leadline_app", "leadline_app");
        assertRefused(url, "leadline_app", credentials.superuserPassword());
        try (Connection application = connect(url, "leadline_app", credentials.applicationPassword());
             Connection superuser = connect(url, "postgres", credentials.superuserPassword())) {
            assertThat(application.isValid(1)).isTrue();
            JdbcClient asSuperuser = JdbcClient.create(new SingleConnectionDataSource(superuser, true));
            assertThat(asSuperuser.sql("SELECT DISTINCT auth_method FROM pg_hba_file_rules").query(String.class).list())
                    .as("every line of pg_hba.conf, the Unix socket's too").containsExactly("scram-sha-256");
            assertThat(asSuperuser.sql("SELECT count(*) FROM pg_hba_file_rules WHERE type = 'local'").query(Long.class).single())
                    .isPositive();
        }
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> connect(url, user, password).close())
                .as("%s with password %s", user, password).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    private static GenericApplicationContext startedOn(Path dataDir) {
        return startedOn(dataDir, Map.of());
    }

    private static GenericApplicationContext startedOn(Path dataDir, Map<String, Object> more) {
        GenericApplicationContext context = new GenericApplicationContext();
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("leadline.data-dir", dataDir.toString());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        new EmbeddedDatabaseInitializer().initialize(context);
        context.refresh();
        return context;
    }
}
