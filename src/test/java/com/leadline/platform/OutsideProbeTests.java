package com.leadline.platform;

import static com.leadline.testing.ServerMockMvc.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.ServerMockMvc;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The outside probe of issue 13, kept in the suite: what a scanner on the network sends (NUL bytes,
 * oversized bodies, forged forwarding headers, requests for the local-mode tools from another host)
 * and the answers Leadline must give. docs/security.md lists what was probed and with what result.
 */
class OutsideProbeTests extends IntegrationTest {

    @Autowired
    private InboundTexts inboundTexts;

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

        // Only /dev/channel: this context sends mail over SMTP, so it has no /dev/mailbox to find
        // (LocalMailboxIntegrationTests probes that one in local mode).
        for (String outside : List.of("203.0.113.7", "10.0.0.8", "192.168.1.20", "2001:db8::7", "::ffff:203.0.113.7")) {
            server.perform(get("/dev/channel").with(from(outside)).cookie(signedIn)).andExpect(status().isNotFound());
            server.perform(post("/dev/channel").with(from(outside)).cookie(signedIn)
                            .param("_csrf", csrfToken).param("profile", account.firstProfileId().toString())
                            .param("phone", phone).param("body", "Hello from outside"))
                    .andExpect(status().isNotFound());
            server.perform(post("/dev/channel").with(from(outside)).header("X-Forwarded-For", "127.0.0.1")
                            .cookie(signedIn).param("_csrf", csrfToken).param("profile", account.firstProfileId().toString())
                            .param("phone", phone).param("body", "Hello, forwarded"))
                    .andExpect(status().isNotFound());
        }
        // From loopback, but through DNS rebinding (the attacker's name as Host) or a local tunnel or proxy.
        server.perform(get("/dev/channel").with(from("127.0.0.1")).header("Host", "evil.example:8080").cookie(signedIn))
                .andExpect(status().isNotFound());
        server.perform(get("/dev/channel").with(from("127.0.0.1")).header("X-Forwarded-For", "198.51.100.7").cookie(signedIn))
                .andExpect(status().isNotFound());
        server.perform(post("/dev/channel").with(from("127.0.0.1")).header("Host", "evil.example:8080").cookie(signedIn)
                        .param("_csrf", csrfToken).param("profile", account.firstProfileId().toString())
                        .param("phone", phone).param("body", "Hello, rebound"))
                .andExpect(status().isNotFound());
        server.perform(post("/dev/channel").with(from("::1")).header("X-Forwarded-For", "198.51.100.7").cookie(signedIn)
                        .param("_csrf", csrfToken).param("profile", account.firstProfileId().toString())
                        .param("phone", phone).param("body", "Hello through a tunnel"))
                .andExpect(status().isNotFound());
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

        HttpResponse<String> probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + network.getHostAddress() + ":" + port + "/dev/channel"))
                .header("Accept", "text/html").header("X-Forwarded-For", "127.0.0.1").build(), BodyHandlers.ofString());

        assertThat(probe.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(probe.body()).select("h1").text()).isEqualTo(unknown.heading()).isEqualTo("Page not found");
        assertThat(probe.headers().firstValue("Set-Cookie")).as("no session made").isEmpty();
    }

    private long contactsWithPhone(TeamFixture.Account account, String phone) {
        return databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :account AND phone = :phone")
                .param("account", account.id()).param("phone", phone).query(Long.class).single();
    }

    // 2. Forged X-Forwarded-For does not change the client address.

    private static final int SIGN_INS_PER_ADDRESS = 30;
    private static final List<String> FORGED_ADDRESSES = List.of("127.0.0.1", "10.0.0.1", "192.168.1.20", "172.16.5.5",
            "203.0.113.9", "::1", "127.0.0.1, 127.0.0.1", "unknown");

    @Test
    void forgedForwardedForHeadersDoNotResetTheSignInLimit() {
        WebSession scanner = visitor();
        scanner.get("/signin");
        for (int i = 0; i < SIGN_INS_PER_ADDRESS; i++) {
            scanner.sendingHeader("X-Forwarded-For", FORGED_ADDRESSES.get(i % FORGED_ADDRESSES.size()));
            assertThat(scanner.post("/signin", Map.of("email", uniqueEmail("probe"), "password", "wrong guess")).status())
                    .as("attempt %d", i + 1).isEqualTo(401);
        }
        for (String forged : FORGED_ADDRESSES) {
            scanner.sendingHeader("X-Forwarded-For", forged);
            WebSession.Page refused = scanner.post("/signin", Map.of("email", uniqueEmail("probe"), "password", "wrong guess"));
            assertThat(refused.status()).as("claiming to be %s", forged).isEqualTo(429);
            assertThat(refused.header("Retry-After")).as("claiming to be %s", forged).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        }
    }

    // 3. NUL bytes and text PostgreSQL cannot hold.

    @Test
    void aNulByteInASearchIsRefusedWith400NamingTheFieldOnEveryPageAndApi() {
        WebSession owner = new TeamFixture(port, databaseOwner()).openAccount("Probe Searches").owner().session();
        for (String page : List.of("/inbox", "/team", "/contacts")) {
            WebSession.Page refused = owner.get(page + "?tab=all&q=tap%00s");
            assertThat(refused.status()).as(page).isEqualTo(400);
            assertThat(refused.header("Content-Type").orElse("")).as(page).startsWith("text/html");
            assertThat(refused.heading()).as(page).isEqualTo("That request could not be read");
            assertThat(refused.document().select("main li").text()).as(page).contains("q", "cannot be stored");
        }
        for (String api : List.of("/api/v1/conversations", "/api/v1/team/members", "/api/v1/contacts")) {
            assertRefusedField(owner.api("GET", api + "?q=tap%00s", null), 400, "q");
        }
        // With a browser's Accept header the API still answers problem details.
        assertRefusedField(owner.get("/api/v1/contacts?q=%00"), 400, "q");
        // Public routes too, before the session is read.
        WebSession visitor = visitor();
        assertThat(visitor.get("/signin?email=%00").status()).isEqualTo(400);
        assertThat(visitor.get("/actuator/health?probe=%00").status()).isEqualTo(400);
        assertThat(visitor.sessionId()).isEmpty();
    }

    @Test
    void aNulByteInAReplyOrNoteIsRefusedAndNothingIsStored() {
        Conversation conversation = conversation("Probe Replies");
        WebSession owner = conversation.owner();
        owner.get("/inbox?tab=all&c=" + conversation.id());
        for (String form : List.of("reply", "note")) {
            WebSession.Page refused = owner.post("/inbox/conversations/" + conversation.id() + "/" + form,
                    Map.of("body", "See you\u0000 at 9", "tab", "all"));
            assertThat(refused.status()).as(form).isEqualTo(400);
            assertThat(refused.document().select("main li").text()).as(form).contains("body", "cannot be stored");
        }
        for (String api : List.of("replies", "notes")) {
            assertRefusedField(owner.api("POST", "/api/v1/conversations/" + conversation.id() + "/" + api,
                    "{\"body\": \"See you\\u0000 at 9\"}"), 400, "body");
        }
        assertThat(messagesIn(conversation.id())).as("only the inbound text").isEqualTo(1);
    }

    @Test
    void aLoneSurrogateInJsonIsRefusedInsteadOfStoredAsAQuestionMark() {
        Conversation conversation = conversation("Probe Surrogates");
        assertRefusedField(conversation.owner().api("POST", "/api/v1/conversations/" + conversation.id() + "/notes",
                "{\"body\": \"broken \\ud83d here\"}"), 400, "body");
        assertRefusedField(conversation.owner().api("POST", "/api/v1/conversations/" + conversation.id() + "/reminders",
                "{\"dueAt\": \"2030-01-01T09:00:00Z\", \"note\": \"\\udc00\"}"), 400, "note");
        assertThat(messagesIn(conversation.id())).isEqualTo(1);
        assertThat(databaseOwner().sql("SELECT count(*) FROM reminders WHERE conversation_id = :c")
                .param("c", conversation.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aNulByteInAPathSegmentIsRefusedWith400() {
        WebSession owner = new TeamFixture(port, databaseOwner()).openAccount("Probe Paths").owner().session();
        assertThat(owner.get("/contacts/abc%00def").status()).isEqualTo(400);
        assertThat(owner.api("GET", "/api/v1/contacts/abc%00def", null).status()).isEqualTo(400);
        assertThat(owner.api("GET", "/api/v1/conversations/%00", null).status()).isEqualTo(400);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aQueryThatIsNotUtf8IsRefusedWith400AndOneWarningWithoutAStackTrace(CapturedOutput log) {
        WebSession owner = new TeamFixture(port, databaseOwner()).openAccount("Probe Encodings").owner().session();
        WebSession.Page page = owner.get("/inbox?q=%C3%28");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.heading()).isEqualTo("That request could not be read");
        WebSession.Page api = owner.api("GET", "/api/v1/contacts?q=%FF", null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.header("Content-Type")).hasValue("application/problem+json");
        assertThat(WebSession.json(api).get("detail").asString()).contains("not valid UTF-8");

        assertThat(log.getOut().lines().filter(line -> line.contains("not valid UTF-8")))
                .hasSize(2).allMatch(line -> line.contains(" WARN "));
        assertThat(log.getOut()).doesNotContain("InvalidParameterException").doesNotContain("MalformedInputException");
    }

    @Test
    void aQueryThatCannotBeReadIsRefusedInWordsForItsRealCause() throws IOException {
        WebSession owner = new TeamFixture(port, databaseOwner()).openAccount("Probe Escapes").owner().session();
        // java.net.URI refuses a malformed escape, so this one goes out by hand.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/contacts?q=%zz HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: "
                    + WebSession.SESSION_COOKIE + "=" + owner.sessionId().orElseThrow() + "\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("malformed")
                    .doesNotContain("UTF-8");
        }

        String tooMany = java.util.stream.IntStream.range(0, 1_100).mapToObj(i -> "p" + i + "=1")
                .collect(java.util.stream.Collectors.joining("&"));
        WebSession.Page crowded = owner.api("GET", "/api/v1/contacts?" + tooMany, null);
        assertProblem(crowded, 400);
        assertThat(WebSession.json(crowded).get("detail").asString()).contains("too many").doesNotContain("UTF-8");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFieldNameWithALineBreakCannotForgeALogLine(CapturedOutput log) {
        WebSession visitor = visitor();
        String forged = "2026-01-01T00:00:00.000Z ERROR 1 --- forged line " + UUID.randomUUID();
        WebSession.Page refused = visitor.api("GET", "/api/v1/session?x%0D%0A" + forged.replace(" ", "%20") + "=%00", null);
        assertProblem(refused, 400);
        assertThat(WebSession.json(refused).get("errors").propertyNames()).containsExactly("x\\r\\n" + forged);

        assertThat(log.getOut().lines()).noneMatch(line -> line.startsWith(forged))
                .anyMatch(line -> line.contains(" WARN ") && line.contains("x\\r\\n" + forged));
    }

    // 4. Oversized bodies and error formats.

    @Test
    void aTenMegabyteJsonBodyIsAnswered413BeforeItIsEvenSent() throws IOException {
        Conversation conversation = conversation("Probe Big Bodies");
        JsonNode session = WebSession.json(conversation.owner().get("/api/v1/session"));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/conversations/" + conversation.id() + "/notes HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Cookie: " + WebSession.SESSION_COOKIE + "=" + conversation.owner().sessionId().orElseThrow() + "\r\n"
                    + session.get("csrfHeader").asString() + ": " + session.get("csrfToken").asString() + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json\r\n"
                    + "Content-Length: 10000000\r\n\r\n{\"body\": \"";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Only the headers went out: the answer must come without waiting for the other 10 MB.
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            assertThat(answer.readLine()).startsWith("HTTP/1.1 413");
            assertThat(answer.lines().takeWhile(line -> !line.isEmpty()))
                    .anyMatch(line -> line.equalsIgnoreCase("Content-Type: application/problem+json"));
        }
        assertThat(messagesIn(conversation.id())).isEqualTo(1);
    }

    @Test
    void aChunkedBodyPastTheCapIsAnswered413() {
        Conversation conversation = conversation("Probe Chunked Bodies");
        WebSession owner = conversation.owner();
        byte[] body = ("{\"body\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        JsonNode session = WebSession.json(owner.get("/api/v1/session"));
        WebSession.Page refused = owner.send(HttpRequest.newBuilder(owner.uri("/api/v1/conversations/" + conversation.id() + "/notes"))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header(session.get("csrfHeader").asString(), session.get("csrfToken").asString())
                // An input stream has no length: the body goes out chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertProblem(refused, 413);
        assertThat(messagesIn(conversation.id())).isEqualTo(1);
    }

    @Test
    void aFormPastTheCapGetsThe413Page() {
        Conversation conversation = conversation("Probe Big Forms");
        WebSession owner = conversation.owner();
        owner.get("/inbox?tab=all&c=" + conversation.id());
        WebSession.Page refused = owner.post("/inbox/conversations/" + conversation.id() + "/note",
                Map.of("body", "x".repeat(70_000), "tab", "all"));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.heading()).isEqualTo("Too much to send");

        String csrf = owner.get("/inbox?tab=all&c=" + conversation.id()).document().selectFirst("meta[name=csrf-token]").attr("content");
        byte[] form = ("_csrf=" + csrf + "&tab=all&body=" + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
        WebSession.Page chunked = owner.send(HttpRequest.newBuilder(owner.uri("/inbox/conversations/" + conversation.id() + "/note"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.heading()).isEqualTo("Too much to send");
        assertThat(messagesIn(conversation.id())).isEqualTo(1);
    }

    @Test
    void aWrongContentTypeIs415AndAMissingCsrfTokenIs403BothAsProblemDetails() {
        Conversation conversation = conversation("Probe Formats");
        WebSession owner = conversation.owner();
        String notes = "/api/v1/conversations/" + conversation.id() + "/notes";
        JsonNode session = WebSession.json(owner.get("/api/v1/session"));
        assertProblem(owner.send(HttpRequest.newBuilder(owner.uri(notes)).header("Accept", "application/json")
                .header("Content-Type", "text/plain")
                .header(session.get("csrfHeader").asString(), session.get("csrfToken").asString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\": \"Plain\"}"))), 415);
        WebSession.Page forbidden = owner.send(HttpRequest.newBuilder(owner.uri(notes)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"body\": \"No token\"}")));
        assertProblem(forbidden, 403);
        assertThat(WebSession.json(forbidden).get("detail").asString()).contains("CSRF token");
        WebSession.Page page = owner.postRaw("/inbox/conversations/" + conversation.id() + "/note", Map.of("body", "No token"));
        assertThat(page.status()).as("a page keeps its error page").isEqualTo(403);
        assertThat(page.heading()).isEqualTo("Not allowed");
        assertThat(messagesIn(conversation.id())).isEqualTo(1);

        assertProblem(visitor().api("GET", "/api/v1/conversations", null), 401);
        assertProblem(owner.api("PATCH", notes, "{}"), 405);
        assertProblem(owner.send(HttpRequest.newBuilder(owner.uri("/api/v1/conversations/" + conversation.id()))
                .header("Accept", "application/xml").GET()), 406);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aChunkedMultipartFormIsRefused415NeitherParsedNorSpooled(CapturedOutput log) {
        Conversation conversation = conversation("Probe Multipart");
        WebSession owner = conversation.owner();
        JsonNode session = WebSession.json(owner.get("/api/v1/session"));
        String note = "/inbox/conversations/" + conversation.id() + "/note";
        String csrf = part("_csrf", null, session.get("csrfToken").asString()) + part("tab", null, "all");
        for (String body : List.of(
                csrf + part("body", null, "x".repeat(70_000)),
                csrf + part("body", null, "Small enough") + part("upload", "big.txt", "y".repeat(70_000)),
                csrf + part("body", null, "Small enough"))) {
            byte[] form = (body + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            WebSession.Page refused = owner.send(HttpRequest.newBuilder(owner.uri(note))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .header(session.get("csrfHeader").asString(), session.get("csrfToken").asString())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
            assertThat(refused.status()).as("a %d-byte multipart form", form.length).isEqualTo(415);
            assertThat(refused.document().select("main").text()).contains("not accepted", "takes no uploads");
        }
        assertThat(messagesIn(conversation.id())).as("no field was parsed, so no note").isEqualTo(1);
        // Only the contacts import's page takes a multipart upload (its own route), kept in memory up to its size limit.
        jakarta.servlet.MultipartConfigElement uploads = application.getBean(jakarta.servlet.MultipartConfigElement.class);
        assertThat((long) uploads.getFileSizeThreshold()).as("Tomcat spools nothing to disk").isGreaterThanOrEqualTo(uploads.getMaxFileSize());
        WebSession.Page api = owner.send(HttpRequest.newBuilder(owner.uri("/api/v1/conversations/" + conversation.id() + "/notes"))
                .header("Accept", "application/json").header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header(session.get("csrfHeader").asString(), session.get("csrfToken").asString())
                .POST(HttpRequest.BodyPublishers.ofString(part("body", null, "Hi") + "--" + BOUNDARY + "--\r\n")));
        assertProblem(api, 415);
        assertThat(WebSession.json(api).get("detail").asString()).contains("takes no uploads");
        assertThat(log.getOut()).doesNotContain("IllegalStateException");
    }

    private static final String BOUNDARY = "probe-boundary-7MA4YWxkTrZu0gW";

    private static String part(String name, String fileName, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/plain") + "\r\n\r\n"
                + content + "\r\n";
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aChunkedBodyPastTheCapSentWithPutPatchOrDeleteGetsA4xxNeverA500(CapturedOutput log) {
        Conversation conversation = conversation("Probe Other Methods");
        WebSession owner = conversation.owner();
        JsonNode session = WebSession.json(owner.get("/api/v1/session"));
        byte[] form = ("_csrf=" + session.get("csrfToken").asString() + "&tab=all&body=" + "x".repeat(70_000))
                .getBytes(StandardCharsets.US_ASCII);
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/inbox/conversations/" + conversation.id() + "/note",
                    "/api/v1/conversations/" + conversation.id() + "/assignee")) {
                WebSession.Page refused = owner.send(HttpRequest.newBuilder(owner.uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header(session.get("csrfHeader").asString(), session.get("csrfToken").asString())
                        .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
                assertThat(refused.status()).as("%s %s", method, path).isBetween(400, 499);
            }
        }
        byte[] json = ("{\"assigneeId\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(owner.send(HttpRequest.newBuilder(owner.uri("/api/v1/conversations/" + conversation.id() + "/assignee"))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header(session.get("csrfHeader").asString(), session.get("csrfToken").asString())
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))), 413);
        assertThat(messagesIn(conversation.id())).isEqualTo(1);
        assertThat(log.getOut()).doesNotContain("BodyTooLargeException");
    }

    private record Conversation(WebSession owner, UUID id) {
    }

    /** A new account whose owner has one conversation with one inbound text. */
    private Conversation conversation(String business) {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount(business);
        UUID id = inboundTexts.receiveInbound(account.id(), account.firstProfileId(), "+15550170001", "Is Friday free?");
        return new Conversation(account.owner().session(), id);
    }

    private int messagesIn(UUID conversation) {
        return databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", conversation)
                .query(Integer.class).single();
    }

    private static void assertProblem(WebSession.Page page, int status) {
        assertThat(page.status()).isEqualTo(status);
        assertThat(page.header("Content-Type")).hasValue("application/problem+json");
        assertThat(WebSession.json(page).get("status").asInt()).isEqualTo(status);
    }

    private static void assertRefusedField(WebSession.Page page, int status, String field) {
        assertProblem(page, status);
        assertThat(WebSession.json(page).get("errors").get(field).asString()).contains("cannot be stored");
    }

}
