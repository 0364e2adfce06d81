package com.leadline.devdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.leadbox.LocalLeadboxes;
import com.leadline.leadbox.LocalLeadboxes.Embed;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The local Leadbox demo page (issue 17, point 5): a business's website on another origin, embedding the widget. */
class DemoLeadboxPageIntegrationTests extends IntegrationTest {

    private static final String KEY = "AbCdEfGhIjKlMnOpQrStUv";

    @Autowired
    private LocalLeadboxes leadboxes;

    @Test
    void onTheOtherOriginThePageEmbedsTheWidgetFromLeadlineWithItsOwnContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("http://127.0.0.1:" + port + "/dev/leadbox?key=" + KEY);

        assertThat(page.statusCode()).isEqualTo(200);
        String leadline = "http://localhost:" + port;
        assertThat(page.headers().allValues("Content-Security-Policy")).as("one policy: this page's, not the application's")
                .containsExactly("default-src 'none'; script-src " + leadline + "/leadbox.js " + leadline + "/widget/panel.js; "
                        + "connect-src " + leadline + "; style-src 'nonce-" + nonceOf(page) + "'; img-src 'self' data:; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        assertThat(page.headers().allValues("Set-Cookie")).as("no session for the pretend website").isEmpty();
        Document document = Jsoup.parse(page.body());
        assertThat(document.select("script").eachAttr("src")).containsExactly(leadline + "/leadbox.js");
        assertThat(document.selectFirst("script").attr("data-leadbox")).isEqualTo(KEY);
        assertThat(document.selectFirst("script").hasAttr("async")).isTrue();
        assertThat(document.text()).contains("<script src=\"" + leadline + "/leadbox.js\" data-leadbox=\"" + KEY + "\" async></script>")
                .doesNotContain("Open it at");
    }

    @Test
    void atLeadlinesOwnOriginThePageSaysWhereToOpenIt() throws Exception {
        HttpResponse<String> page = get("http://localhost:" + port + "/dev/leadbox?key=" + KEY);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("a").eachAttr("href"))
                .contains("http://127.0.0.1:" + port + "/dev/leadbox?key=" + KEY);
    }

    @Test
    void withoutAKeyItListsTheDemoLeadboxesOrSaysHowToGetThem() throws Exception {
        HttpResponse<String> page = get("http://127.0.0.1:" + port + "/dev/leadbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("script")).isEmpty();
        assertThat(Jsoup.parse(page.body()).text()).containsAnyOf("--leadline.demo=true", "The demo practice's Leadboxes");

        assertThat(Jsoup.parse(get("http://127.0.0.1:" + port + "/dev/leadbox?key=not-a-key%22%3E").body()).text())
                .contains("That is not a Leadbox key");
    }

    @Test
    void onlyForABrowserOnThisMachine() throws IOException {
        assertThat(rawGet("Host: evil.example:" + port)).startsWith("HTTP/1.1 404");
        assertThat(rawGet("Host: 127.0.0.1:" + port, "X-Forwarded-For: 198.51.100.7")).startsWith("HTTP/1.1 404");
        assertThat(rawGet("Host: 127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
    }

    @Test
    void anAccountsLeadboxesAllowAWebsite() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Website Widgets");

        List<Embed> embeds = leadboxes.allowWebsite(account.id(), "http://127.0.0.1:8080/some/page", clock.instant());
        leadboxes.allowWebsite(account.id(), "http://127.0.0.1:8080", clock.instant());

        assertThat(embeds).hasSize(2);
        assertThat(embeds.get(0).multiProfile()).isTrue();
        assertThat(embeds.get(0).name()).isEqualTo("All profiles");
        assertThat(leadboxes.embeds(account.id())).extracting(Embed::allowedOrigins)
                .containsOnly(List.of("http://127.0.0.1:8080"));
        assertThat(leadboxes.embeds(account.id())).extracting(Embed::widgetKey)
                .isEqualTo(embeds.stream().map(Embed::widgetKey).toList());
    }

    @Test
    void theDemoWebsiteIsOneHundredTwentySevenOnTheBaseUrlsPort() {
        assertThat(DemoLoader.demoWebsite(URI.create("http://localhost:8080"))).isEqualTo("http://127.0.0.1:8080");
        assertThat(DemoLeadboxPage.leadlineOrigin(URI.create("http://localhost:8080"), 8080)).isEqualTo("http://localhost:8080");
        assertThat(DemoLeadboxPage.leadlineOrigin(URI.create("http://leadline.test"), 4321)).isEqualTo("http://localhost:4321");
    }

    private static String nonceOf(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).selectFirst("style").attr("nonce");
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String rawGet(String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String request = "GET /dev/leadbox HTTP/1.1\r\n" + String.join("\r\n", headers)
                    + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
