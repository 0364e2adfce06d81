package com.leadline.testing;

import com.leadline.LeadlineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A second Leadline node on the test database, as in production behind a load balancer. */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The first node's {@code spring.datasource.url}, {@code spring.datasource.password} and {@code spring.flyway.password}. */
    public static SecondNode start(String databaseUrl, String applicationPassword, String ownerPassword) {
        return new SecondNode(new SpringApplicationBuilder(LeadlineApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=leadline_app",
                "--spring.datasource.password=" + applicationPassword,
                "--spring.flyway.user=postgres",
                "--spring.flyway.password=" + ownerPassword,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + Smtp.PORT,
                "--leadline.base-url=http://leadline.test",
                "--leadline.data-dir=target/test-data/second-node",
                "--leadline.mail.seal-key=3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=",
                // As on the first node: tests run the relays and reminders themselves, when their steps call for it.
                "--leadline.mail.relay-interval=1h",
                "--leadline.texts.relay-interval=1h",
                "--leadline.inbox.reminder-interval=1h"));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
