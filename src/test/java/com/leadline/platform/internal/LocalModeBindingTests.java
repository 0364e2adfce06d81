package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/** Local mode (embedded database, no SMTP) listens on loopback unless told otherwise; any other mode is left alone. */
// In a separate thread, so that a property lookup that never ends fails the test instead of stalling the suite.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalModeBindingTests {

    @Test
    void localModeListensOnLoopbackOnly() {
        ConfigurableEnvironment environment = environmentWith(Map.of());

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty(LocalModeBinding.LOOPBACK_ONLY, Boolean.class)).isTrue();
    }

    @Test
    void theEmbeddedDatabaseSettingItsOwnUrlIsStillLocalMode() {
        ConfigurableEnvironment environment = environmentWith(Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost:5432/postgres",
                "leadline.embedded-database.active", "true"));

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void anExplicitServerAddressIsKept() {
        ConfigurableEnvironment environment = environmentWith(Map.of("server.address", "0.0.0.0"));

        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(environment.getProperty(LocalModeBinding.LOOPBACK_ONLY, Boolean.class, false)).isFalse();
    }

    @Test
    void anExternalDatabaseOrAnSmtpServerLeavesTheAddressAlone() {
        for (Map<String, Object> configured : java.util.List.<Map<String, Object>>of(
                Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/leadline"),
                Map.of("spring.mail.host", "smtp.example.com"),
                Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/leadline", "spring.mail.host", "smtp.example.com"))) {
            ConfigurableEnvironment environment = environmentWith(configured);

            assertThat(environment.getProperty("server.address")).as("%s", configured).isNull();
            assertThat(environment.getProperty(LocalModeBinding.LOOPBACK_ONLY, Boolean.class, false)).isFalse();
        }
    }

    @Test
    void localModeLetsWebhooksGoToLoopbackUnlessConfiguredAndOtherModesDoNot() {
        assertThat(environmentWith(Map.of()).getProperty("leadline.webhooks.allow-loopback", Boolean.class)).isTrue();
        assertThat(environmentWith(Map.of("leadline.webhooks.allow-loopback", "false"))
                .getProperty("leadline.webhooks.allow-loopback", Boolean.class)).isFalse();
        assertThat(environmentWith(Map.of("spring.mail.host", "smtp.example.com"))
                .getProperty("leadline.webhooks.allow-loopback", Boolean.class, false)).isFalse();
        assertThat(environmentWith(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/leadline"))
                .getProperty("leadline.webhooks.allow-loopback", Boolean.class, false)).isFalse();
    }

    @Test
    void settingsAddedAfterStartUpBeganAreStillSeen() {
        ConfigurableEnvironment environment = environmentWith(Map.of());
        // As a test's dynamic properties arrive: after the initializers ran, before the web server reads its address.
        environment.getPropertySources().addFirst(new MapPropertySource("later", Map.of("spring.mail.host", "127.0.0.1")));

        assertThat(environment.getProperty("server.address")).isNull();
    }

    @Test
    void theStartUpLineSaysWhereLocalModeListensAndHowToChangeIt() {
        StartupAnnouncement announcement = new StartupAnnouncement();
        ReflectionTestUtils.setField(announcement, "baseUrl", "http://localhost:8080");
        ReflectionTestUtils.setField(announcement, "loopbackOnly", true);

        assertThat(announcement.line(8080)).startsWith("Leadline is ready at http://localhost:8080/")
                .contains("127.0.0.1 (loopback) only", "SERVER_ADDRESS");

        ReflectionTestUtils.setField(announcement, "loopbackOnly", false);
        assertThat(announcement.line(8080)).doesNotContain("loopback", "SERVER_ADDRESS");
    }

    private static ConfigurableEnvironment environmentWith(Map<String, Object> properties) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            ConfigurableEnvironment environment = context.getEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("configured", properties));
            ConfigurationPropertySources.attach(environment);
            new LocalModeBinding().initialize(context);
            return environment;
        }
    }
}
