package com.leadline.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Document;

/**
 * One visitor with a cookie jar, talking real HTTP to the running server. Form posts carry the CSRF
 * token of the last page this visitor fetched, as a browser would.
 */
public final class WebSession {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public static final String SESSION_COOKIE = "LEADLINE_SESSION";

    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient client;
    private String csrfToken;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public WebSession(int port) {
        this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebSession(int port, CookieManager cookies) {
        this("localhost", port, cookies);
    }

    /**
     * A visitor reaching the server at another loopback address, so that the server sees it come from another client
     * address: {@code "[::1]"}, whose connections come from ::1 (one to 127.0.0.2 still comes from 127.0.0.1).
     */
    public static WebSession fromLoopback(String address, int port) {
        return new WebSession(address, port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebSession(String host, int port, CookieManager cookies) {
        this.baseUrl = "http://" + host + ":" + port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser (same cookies) talking to another server node. */
    public WebSession onPort(int port) {
        return new WebSession(port, cookies);
    }

    public record Page(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public Document document() {
            return Jsoup.parse(response.body());
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String location() {
            return header("Location").orElseThrow(() -> new AssertionError("No redirect; status " + status));
        }

        public String heading() {
            return document().selectFirst("h1") == null ? "" : document().selectFirst("h1").text();
        }
    }

    /** Sends this header on every later request of this visitor (a forged X-Forwarded-For, say); a new value replaces the old. */
    public WebSession sendingHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** GET, following redirects within the site. */
    public Page open(String pathOrUrl) {
        Page page = get(pathOrUrl);
        for (int hops = 0; page.status() / 100 == 3 && hops < 5; hops++) {
            page = get(page.location());
        }
        return page;
    }

    public Page post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            form.putIfAbsent("_csrf", csrfToken);
        }
        return postRaw(path, form);
    }

    public Page postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            if (built.headers().firstValue("Accept").isEmpty()) {
                request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            }
            extraHeaders.forEach(request::setHeader);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response.statusCode(), response);
            var token = page.document().selectFirst("meta[name=csrf-token]");
            if (token != null) {
                csrfToken = token.attr("content");
            }
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes the signed-in session's current CSRF token from the session JSON, for the forms posted next. */
    public void holdCsrfTokenOfSession() {
        JsonNode session = json(get("/api/v1/session"));
        if (session == null || !session.has("csrfToken")) {
            throw new IllegalStateException("This session is not a signed-in user's: it has no session JSON with a CSRF token.");
        }
        csrfToken = session.get("csrfToken").asString();
    }

    /** A JSON API call; a state-changing one carries the session's CSRF token in its header, as our pages' script does. */
    public Page api(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (!method.equals("GET")) {
            JsonNode session = json(get("/api/v1/session"));
            if (session != null && session.has("csrfToken")) {
                request.header(session.get("csrfHeader").asString(), session.get("csrfToken").asString());
            } else if (csrfToken != null) {
                // Not signed in: the token of the last page, as a script on that page would send it.
                request.header("X-CSRF-TOKEN", csrfToken);
            }
        }
        String json = body == null ? "" : body instanceof String text ? text : JSON.writeValueAsString(body);
        request.header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    /** An API call with a raw body of this content type (a CSV file), carrying the session's CSRF token as {@link #api} does. */
    public Page apiRaw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        JsonNode session = json(get("/api/v1/session"));
        if (session != null && session.has("csrfToken")) {
            request.header(session.get("csrfHeader").asString(), session.get("csrfToken").asString());
        } else if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request);
    }

    /** A page's multipart form with one file and the page's CSRF token, as a browser sends it. */
    public Page upload(String path, String field, String fileName, String contentType, byte[] file) {
        String boundary = "leadline-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String csrf = csrfToken == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken + "\r\n";
        body.writeBytes(csrf.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * Opens a server-sent event stream and collects the data of every event with this name, in order,
     * on a background thread, until the returned queue's owner stops reading (the stream is a daemon).
     */
    public java.util.concurrent.BlockingQueue<String> listen(String path, String eventName) {
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            String[] event = {""};
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).strip();
                    if (event[0].equals("ready")) {
                        open.countDown();
                    }
                } else if (line.startsWith("data:") && event[0].equals(eventName)) {
                    received.add(line.substring(5).strip());
                }
            });
        });
        try {
            if (!open.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("The event stream " + path + " did not open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return received;
    }

    /** For a response that may never end (an event stream): the status and, for a redirect, where to; the body is left unread. */
    public String statusOf(String path) {
        try {
            HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(uri(path))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode() / 100 == 3
                    ? response.statusCode() + ">" + URI.create(response.headers().firstValue("Location").orElse("")).getPath()
                    : String.valueOf(response.statusCode());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(Page page) {
        String type = page.header("Content-Type").orElse("");
        return type.contains("json") && !page.body().isEmpty() ? JSON.readTree(page.body()) : null;
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("http")) {
            URI given = URI.create(pathOrUrl);
            // Links in mail carry the configured base URL; the test server listens on its own port.
            return URI.create(baseUrl + given.getRawPath() + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery()));
        }
        return URI.create(baseUrl + pathOrUrl);
    }

    // Flows every test needs

    public Page signUp(String businessName, String name, String email, String password) {
        get("/signup");
        return post("/signup", Map.of("businessName", businessName, "yourName", name, "email", email,
                "password", password, "timezone", "Europe/Berlin"));
    }

    public Page signIn(String email, String password) {
        get("/signin");
        return post("/signin", Map.of("email", email, "password", password));
    }

    public Page signOut() {
        get("/settings/me");
        return post("/signout", Map.of());
    }

    public Page requestPasswordReset(String email) {
        get("/password/forgot");
        return post("/password/forgot", Map.of("email", email));
    }

    public boolean isSignedIn() {
        Page home = get("/");
        if (home.status() == 302 && !home.location().endsWith("/signin")) {
            home = get(home.location()); // a partner agency's home is its console
        }
        return home.status() == 200 && home.document().selectFirst("button[aria-label$=Account menu]") != null;
    }
}
