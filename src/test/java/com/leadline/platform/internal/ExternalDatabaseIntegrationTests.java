package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.LeadlineApplication;
import com.leadline.testing.Smtp;
import com.leadline.testing.WebSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Production's shape: an external PostgreSQL (here a separate server this test starts), a migration
 * role that owns the schema but is no superuser, and the application role from the README.
 */
class ExternalDatabaseIntegrationTests {

    @Test
    void runsAgainstAnExternalServerWithAnOwnerRoleThatIsNoSuperuser() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "external-pg-");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(folder).start()) {
            JdbcClient superuser = JdbcClient.create(server.getPostgresDatabase());
            // The set-up the README gives operators.
            superuser.sql("CREATE ROLE leadline_owner LOGIN PASSWORD 'owner-secret' CREATEROLE").update();
            superuser.sql("CREATE ROLE leadline_app LOGIN PASSWORD 'app-secret'").update();
            superuser.sql("CREATE DATABASE leadline OWNER leadline_owner").update();
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/leadline";

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadlineApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=leadline_app",
                    "--spring.datasource.password=app-secret",
                    "--spring.flyway.user=leadline_owner",
                    "--spring.flyway.password=owner-secret",
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + Smtp.PORT,
                    "--leadline.data-dir=" + folder.resolve("app"),
                    "--leadline.mail.seal-key=3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=")) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                String email = "external-" + System.nanoTime() + "@example.com";
                WebSession owner = new WebSession(port);
                owner.signUp("External Estates", "Ex Ternal", email, "plum orchard lantern sky");
                assertThat(owner.isSignedIn()).isTrue();
                owner.signOut();
                assertThat(owner.signIn(email, "plum orchard lantern sky").status()).isEqualTo(302);
                owner.requestPasswordReset(email);
                assertThat(Smtp.awaitMessages(email, 1)).hasSize(1);

                JdbcClient asApp = app.getBean(JdbcClient.class);
                assertThat(asApp.sql("SELECT current_user").query(String.class).single()).isEqualTo("leadline_app");
                assertThat(asApp.sql("SELECT count(*) FROM users").query(Long.class).single()).isZero();
            }
            JdbcClient leadline = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    url, "postgres", ""));
            assertThat(leadline.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'users'").query(String.class).single())
                    .isEqualTo("leadline_owner");
            assertThat(leadline.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(1L);
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }
}
