package com.leadline.leadbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The widget's scripts as a business's pages load them: gzipped, cached a few minutes, measurable, no cookie. */
class WidgetAssetsIntegrationTests extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theLauncherAndThePanelAreGzippedCachedBrieflyAndOpenToResourceTiming() throws Exception {
        for (String script : new String[] {"/leadbox.js", "/widget/panel.js"}) {
            HttpResponse<byte[]> response = get(script, "Accept-Encoding", "gzip");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
            assertThat(response.headers().firstValue("Content-Encoding")).as(script).hasValue("gzip");
            assertThat(response.headers().firstValue("Cache-Control")).as(script).hasValue("max-age=300, public");
            assertThat(response.headers().firstValue("Timing-Allow-Origin")).hasValue("*");
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(response.body().length).as("%s gzipped", script)
                    .isLessThan((int) Files.size(WidgetWeightTests.STATIC.resolve(script.substring(1))) / 2);

            String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(get(script, "If-Modified-Since", lastModified).statusCode()).as("revalidated").isEqualTo(304);
        }
    }

    private HttpResponse<byte[]> get(String path, String header, String value) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
