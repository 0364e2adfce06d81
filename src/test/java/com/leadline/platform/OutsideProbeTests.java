package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static com.leadline.testing.ServerMockMvc.from;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.ServerMockMvc;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The outside probe of issue 13, kept in the suite: what a scanner on the network sends (NUL bytes,
 * oversized bodies, forged forwarding headers, requests for the local-mode tools from another host)
 * and the answers Leadline must give. docs/security.md lists what was probed and with what result.
 */
class OutsideProbeTests extends IntegrationTest {

    // 1. Local-mode tools (/dev/**) answer loopback clients only.

    @Autowired
    private WebApplicationContext application;

    @Test
    void theDevToolsAnswerAnotherHostWith404AndTakeNoText() throws Exception {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Probe Plumbing");
        WebSession owner = account.owner().session();
        Cookie signedIn = new Cookie(WebSession.SESSION_COOKIE, owner.sessionId().orElseThrow());
        String csrfToken = WebSession.json(owner.get("/api/v1/session")).get("csrfToken").asString();
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(9_000_000));
        MockMvc server = ServerMockMvc.withEveryFilter(application);

        for (String outside : List.of("203.0.113.7", "10.0.0.8", "192.168.1.20", "2001:db8::7", "::ffff:203.0.113.7")) {
            for (String path : List.of("/dev/channel", "/dev/mailbox", "/dev/mailbox/1")) {
                server.perform(get(path).with(from(outside)).cookie(signedIn))
                        .andExpect(status().isNotFound());
            }
            server.perform(post("/dev/channel").with(from(outside)).cookie(signedIn)
                            .param("_csrf", csrfToken).param("profile", account.firstProfileId().toString())
                            .param("phone", phone).param("body", "Hello from outside"))
                    .andExpect(status().isNotFound());
            server.perform(post("/dev/channel").with(from(outside)).header("X-Forwarded-For", "127.0.0.1")
                            .cookie(signedIn).param("_csrf", csrfToken).param("profile", account.firstProfileId().toString())
                            .param("phone", phone).param("body", "Hello, forwarded"))
                    .andExpect(status().isNotFound());
        }
        assertThat(contactsWithPhone(account, phone)).as("no text got in").isZero();

        server.perform(get("/dev/channel").with(from("127.0.0.1")).cookie(signedIn)).andExpect(status().isOk());
        server.perform(post("/dev/channel").with(from("127.0.0.1")).cookie(signedIn)
                        .param("_csrf", csrfToken).param("profile", account.firstProfileId().toString())
                        .param("phone", phone).param("body", "Hello from this machine"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/dev/channel?sent"));
        assertThat(contactsWithPhone(account, phone)).as("the same text from loopback").isOne();
    }

    @Test
    void overTheNetworkTheDevToolsAreAnUnknownPage() throws Exception {
        java.net.InetAddress network = java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
        assumeThat(network).as("a network address of this machine other than loopback").isNotNull();
        WebSession.Page unknown = visitor().get("/password/no-such-page");

        for (String path : List.of("/dev/channel", "/dev/mailbox")) {
            HttpResponse<String> probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://" + network.getHostAddress() + ":" + port + path))
                    .header("Accept", "text/html").header("X-Forwarded-For", "127.0.0.1").build(), BodyHandlers.ofString());

            assertThat(probe.statusCode()).as(path).isEqualTo(404);
            assertThat(Jsoup.parse(probe.body()).select("h1").text()).isEqualTo(unknown.heading()).isEqualTo("Page not found");
            assertThat(probe.headers().firstValue("Set-Cookie")).as("no session made").isEmpty();
        }
    }

    private long contactsWithPhone(TeamFixture.Account account, String phone) {
        return databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :account AND phone = :phone")
                .param("account", account.id()).param("phone", phone).query(Long.class).single();
    }

    // 2. Forged X-Forwarded-For does not change the client address.

    // 3. NUL bytes and text PostgreSQL cannot hold.

    // 4. Oversized bodies and error formats.

}
