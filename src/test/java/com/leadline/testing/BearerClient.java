package com.leadline.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A tool calling the JSON API with a personal API token, as an integration would: real HTTP, no cookie
 * jar (nothing a response sets is sent back) and no CSRF token, only {@code Authorization: Bearer}.
 */
public final class BearerClient {

    private final String baseUrl;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** @param authorization the whole header value, e.g. {@code "Bearer ll_pat_..."} (tests also send malformed ones) */
    private BearerClient(int port, String authorization) {
        this.baseUrl = "http://localhost:" + port;
        this.authorization = authorization;
    }

    public static BearerClient withToken(int port, String token) {
        return new BearerClient(port, "Bearer " + token);
    }

    public static BearerClient withHeader(int port, String authorization) {
        return new BearerClient(port, authorization);
    }

    public WebSession.Page get(String path) {
        return call("GET", path, null);
    }

    /** A JSON call; {@code body} is sent as JSON when not null (a String as it is). */
    public WebSession.Page call(String method, String path, Object body) {
        String json = body == null ? null : body instanceof String text ? text : WebSession.JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** A call with a raw body of this content type (a CSV file). */
    public WebSession.Page callRaw(String method, String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Any request, with the token added (a page, say). */
    public WebSession.Page send(HttpRequest.Builder request) {
        try {
            request.setHeader("Authorization", authorization);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new WebSession.Page(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public WebSession.Page page(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
    }
}
