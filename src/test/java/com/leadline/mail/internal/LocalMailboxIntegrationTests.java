package com.leadline.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadline.testing.ServerMockMvc;
import com.leadline.testing.TestClockConfiguration;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

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
    @Autowired
    WebApplicationContext application;
    @Autowired
    JdbcClient jdbc;

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
    void localModeListensOnTheLoopbackAddressOnly() throws Exception {
        try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(loopback.isConnected()).isTrue();
        }
        InetAddress elsewhere = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst().orElse(null);
        assumeThat(elsewhere).as("a network address of this machine other than loopback").isNotNull();
        assertThatThrownBy(() -> new Socket(elsewhere, port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void theMailboxAndItsLinksAreForThisMachineOnly() throws Exception {
        String email = "local-" + Instant.now().toEpochMilli() + "-remote@example.com";
        new WebSession(port).signUp("Remote Rafters", "Re Mote", email, "plum orchard lantern sky");
        new WebSession(port).requestPasswordReset(email);
        MockMvc server = ServerMockMvc.withEveryFilter(application);
        long id = awaitMailTo(email);

        for (String path : List.of("/dev/mailbox", "/dev/mailbox/" + id, "/dev/channel")) {
            server.perform(get(path).with(ServerMockMvc.from("192.0.2.44"))).andExpect(status().isNotFound());
            server.perform(get(path).with(ServerMockMvc.from("192.0.2.44")).header("X-Forwarded-For", "127.0.0.1"))
                    .andExpect(status().isNotFound());
            // From loopback, but for a page that DNS rebinding pointed at this machine, or through a tunnel or proxy.
            server.perform(get(path).with(ServerMockMvc.from("127.0.0.1")).header("Host", "evil.example:8080"))
                    .andExpect(status().isNotFound());
            server.perform(get(path).with(ServerMockMvc.from("127.0.0.1")).header("X-Forwarded-For", "198.51.100.7"))
                    .andExpect(status().isNotFound());
            server.perform(get(path).with(ServerMockMvc.from("::1")).header("Forwarded", "for=198.51.100.7"))
                    .andExpect(status().isNotFound());
            server.perform(get(path).with(ServerMockMvc.from("127.0.0.1")).header("X-Real-IP", "198.51.100.7"))
                    .andExpect(status().isNotFound());
        }
        server.perform(get("/dev/mailbox/" + id).with(ServerMockMvc.from("127.0.0.1")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("token=")));
        server.perform(get("/dev/mailbox").with(ServerMockMvc.from("::1")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(email)));
    }

    @Test
    void overARealSocketTheMailboxAnswersOnlyAPlainRequestForThisMachine() throws Exception {
        String email = "local-" + Instant.now().toEpochMilli() + "-socket@example.com";
        new WebSession(port).signUp("Socket Shutters", "So Cket", email, "plum orchard lantern sky");
        new WebSession(port).requestPasswordReset(email);
        awaitMailTo(email);

        assertThat(rawGet("/dev/mailbox", "Host: localhost:" + port)).startsWith("HTTP/1.1 200").contains(email);
        assertThat(rawGet("/dev/mailbox", "Host: evil.example:" + port)).startsWith("HTTP/1.1 404").doesNotContain(email);
        assertThat(rawGet("/dev/mailbox", "Host: localhost:" + port, "X-Forwarded-For: 198.51.100.7"))
                .startsWith("HTTP/1.1 404").doesNotContain(email);
    }

    /** A request as written, over a loopback socket: the Host a rebinding browser or a tunnel would send. */
    private String rawGet(String path, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\n" + String.join("\r\n", headers)
                    + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private long awaitMailTo(String email) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            var id = jdbc.sql("SELECT id FROM mail_local_mailbox WHERE recipient = :email ORDER BY id DESC LIMIT 1")
                    .param("email", email).query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + email + " in the local mailbox");
    }

    @Test
    void missingMessagesAre404() {
        assertThat(new WebSession(port).get("/dev/mailbox/999999").status()).isEqualTo(404);
    }
}
