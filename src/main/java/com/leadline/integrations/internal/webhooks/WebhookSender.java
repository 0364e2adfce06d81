package com.leadline.integrations.internal.webhooks;

import com.leadline.integrations.internal.webhooks.WebhookDestinations.Destination;
import com.leadline.integrations.internal.webhooks.WebhookDestinations.RefusedDestinationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;

/**
 * Sends one attempt of a webhook delivery over HTTP (Apache HttpClient 5), under the outbound safety
 * rules of issue 18:
 *
 * <ul>
 *   <li>The destination is checked at every attempt ({@link WebhookDestinations#check}): one lookup
 *       through Leadline's {@link HostResolver}, and the client's {@link DnsResolver} answers with
 *       exactly the addresses that check approved, so the connection goes to a checked address and no
 *       second lookup (which a rebinding DNS answer could change) takes place. TLS still verifies the
 *       certificate against the host name of the URL.</li>
 *   <li>Redirects are not followed (a 3xx is a failed attempt with its status), nor are requests retried
 *       by the client: the relay decides.</li>
 *   <li>Connect and read (response) timeouts; the response body is read only up to {@link #MAX_BODY} bytes,
 *       and its first {@link #SNIPPET} characters are kept.</li>
 * </ul>
 */
public class WebhookSender implements DisposableBean {

    static final int MAX_BODY = 64 * 1024;
    static final int SNIPPET = 1000;
    static final String USER_AGENT = "Leadline-Webhooks/1.0";

    /** What one attempt came to: an HTTP status (null if none came), its time, the start of the answer, or the error in words. */
    public record Attempt(Instant at, Integer statusCode, int durationMs, String response, String error) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** The addresses the sender's check approved for this thread's current attempt: the only ones the client may connect to. */
    private static final ThreadLocal<Destination> CHECKED = new ThreadLocal<>();

    private final WebhookDestinations destinations;
    private final Clock clock;
    private final CloseableHttpClient client;

    public WebhookSender(WebhookDestinations destinations, Clock clock, Duration connectTimeout, Duration readTimeout) {
        this.destinations = destinations;
        this.clock = clock;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedAddresses())
                        .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .setTimeToLive(TimeValue.ofMinutes(1))
                                .build())
                        .setMaxConnTotal(50)
                        .setMaxConnPerRoute(10)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .build();
    }

    /**
     * POSTs {@code body} to {@code url}, signed with each of {@code secrets} (the current one first),
     * stamped with this attempt's time. Never throws: a refused destination, a connection error or a
     * timeout is an attempt without a status, its reason in {@code error}.
     */
    public Attempt send(String url, List<String> secrets, String messageId, String body) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Destination destination;
        try {
            destination = destinations.check(url);
        } catch (RefusedDestinationException refused) {
            return new Attempt(at, null, 0, "", "Not sent: " + refused.getMessage());
        }
        long timestamp = at.getEpochSecond();
        HttpPost post = new HttpPost(destination.uri());
        post.setHeader("webhook-id", messageId);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", StandardWebhookSignature.header(secrets, messageId, timestamp, body));
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        CHECKED.set(destination);
        try {
            return client.execute(post, response -> {
                String snippet = snippetOf(response.getEntity() == null ? null : response.getEntity().getContent());
                int code = response.getCode();
                String error = null;
                if (code >= 300 && code < 400) {
                    var location = response.getFirstHeader("Location");
                    error = "Redirect not followed" + (location == null ? "" : " (to " + location.getValue() + ")");
                }
                return new Attempt(at, code, millisSince(started), snippet, error);
            });
        } catch (SocketTimeoutException e) {
            return new Attempt(at, null, millisSince(started), "", "No answer in time (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            return new Attempt(at, null, millisSince(started), "", "Could not connect or send: " + e);
        } finally {
            CHECKED.remove();
        }
    }

    /** The first {@link #SNIPPET} characters of the first {@link #MAX_BODY} bytes of the answer (UTF-8, bad bytes replaced). */
    private static String snippetOf(InputStream content) throws IOException {
        if (content == null) {
            return "";
        }
        byte[] bytes = content.readNBytes(MAX_BODY);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        text = text.replace("\u0000", "");
        if (text.length() <= SNIPPET) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SNIPPET - 1)) ? SNIPPET - 1 : SNIPPET;
        return text.substring(0, end);
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /**
     * The client's name resolution: the addresses that {@link WebhookDestinations#check} approved for the
     * attempt on this thread, and nothing else (no lookup of its own). A host the check did not cover is
     * unknown to it.
     */
    private static final class CheckedAddresses implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            Destination checked = CHECKED.get();
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (checked == null || !checked.host().equalsIgnoreCase(bare)) {
                throw new UnknownHostException(host + " was not checked for this attempt");
            }
            return checked.addresses().toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
