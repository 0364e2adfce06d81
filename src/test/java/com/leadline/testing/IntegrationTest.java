package com.leadline.testing;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, on its own embedded PostgreSQL (as in local mode), with
 * a real SMTP server and a clock tests control. All subclasses share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadline.data-dir=target/test-data",
        "leadline.embedded-database.ephemeral=true",
        "leadline.base-url=http://leadline.test",
        "leadline.mail.seal-key=3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=",
        "leadline.mail.relay-interval=1h",
        "leadline.texts.relay-interval=1h",
        // Tests fire their own account's reminders; the schedule would fire them between a test's steps.
        "leadline.inbox.reminder-interval=1h",
        "leadline.metrics.password=scrape-secret",
        "leadline.support.bootstrap.email=" + IntegrationTest.STAFF_EMAIL,
        "leadline.support.bootstrap.name=Sam Staff",
        "leadline.support.bootstrap.password=" + IntegrationTest.STAFF_PASSWORD,
})
@Import(TestClockConfiguration.class)
public abstract class IntegrationTest {

    public static final String PASSWORD = "plum orchard lantern sky";
    public static final String STAFF_EMAIL = "staff@leadline.test";
    public static final String STAFF_PASSWORD = "granite harbour compass dawn";

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestClock clock;
    /** Connected as the application role: sees what the application sees. */
    @Autowired
    protected JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Value("${spring.flyway.url}")
    private String ownerUrl;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Smtp.PORT);
    }

    @BeforeEach
    void startFromCleanCounters() {
        Smtp.clear();
        clock.resetToNow();
        jdbc.sql("DELETE FROM rate_limit_windows").update();
        jdbc.sql("DELETE FROM sign_in_failures").update();
    }

    /** Connected as the database owner, past row-level security: sees what really was written. */
    protected JdbcClient databaseOwner() {
        return JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(ownerUrl, "postgres", ""));
    }

    protected WebSession visitor() {
        return new WebSession(port);
    }

    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
