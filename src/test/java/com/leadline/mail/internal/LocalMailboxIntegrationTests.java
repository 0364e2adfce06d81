package com.leadline.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.TestClockConfiguration;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/** Local mode: no SMTP server configured, so mail lands in the local mailbox page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadline.data-dir=target/test-data",
        "leadline.embedded-database.ephemeral=true",
        "leadline.mail.seal-key=3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=",
})
@Import(TestClockConfiguration.class)
class LocalMailboxIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void aResetLinkCanBeReadOnTheLocalMailboxPageAndFollowed() {
        String email = "local-" + Instant.now().toEpochMilli() + "@example.com";
        WebSession owner = new WebSession(port);
        owner.signUp("Local Laundry", "Lo Cal", email, "plum orchard lantern sky");
        WebSession visitor = new WebSession(port);
        visitor.requestPasswordReset(email);

        Page message = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (message == null && Instant.now().isBefore(deadline)) {
            var row = visitor.get("/dev/mailbox").document().select("tr:contains(" + email + ") a");
            if (!row.isEmpty()) {
                message = visitor.get(row.first().attr("href"));
            }
        }
        assertThat(message).as("the reset mail in the local mailbox").isNotNull();
        assertThat(message.heading()).isEqualTo("Reset your Leadline password");
        String link = message.document().select("section a").first().attr("href");
        assertThat(link).startsWith("http://localhost:");
        Page form = visitor.get(link);
        assertThat(form.heading()).isEqualTo("Choose a new password");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(visitor.post("/password/reset", Map.of("token", token, "password", "granite meadow bicycle tune")).location())
                .endsWith("/signin?passwordReset");
    }

    @Test
    void withoutSmtpThereIsNoMailHealthCheck() {
        assertThat(context.getBeansOfType(HealthContributor.class).keySet()).noneMatch(name -> name.toLowerCase().contains("mail"));
        assertThat(new WebSession(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void missingMessagesAre404() {
        assertThat(new WebSession(port).get("/dev/mailbox/999999").status()).isEqualTo(404);
    }
}
