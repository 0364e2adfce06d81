package com.leadline.integrations.internal.webhooks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP receiver for webhooks (the JDK's server on 127.0.0.1, a port of its own), started by a
 * test: it records every request as it arrived (headers, body, the answer it gave) and answers as the
 * test's {@link Behaviour} says (status, delay, headers).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, with the receiver's own answer. */
    record Received(int seq, Map<String, String> headers, String body, int answeredStatus, Instant clockAt) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String messageId() {
            return header("webhook-id");
        }

        boolean accepted() {
            return answeredStatus >= 200 && answeredStatus < 300;
        }
    }

    /** How to answer a request; the request's number (from 1) and its message id given. */
    record Answer(int status, Duration delay, Map<String, String> headers, String body) {

        static Answer ok() {
            return new Answer(200, Duration.ZERO, Map.of(), "{\"ok\":true}");
        }

        static Answer status(int status) {
            return new Answer(status, Duration.ZERO, Map.of(), "status " + status);
        }
    }

    interface Behaviour extends Function<Request, Answer> {
    }

    record Request(int seq, String messageId, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Behaviour behaviour = request -> Answer.ok();

    private final java.util.function.Supplier<Instant> clock;

    /** @param clock the receiver's clock (the application's test clock), against which timestamps are judged */
    WebhookReceiver(java.util.function.Supplier<Instant> clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    WebhookReceiver answering(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            Headers requestHeaders = exchange.getRequestHeaders();
            requestHeaders.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            headers.put(":method", exchange.getRequestMethod());
            headers.put(":path", exchange.getRequestURI().toString());
            int seq = sequence.incrementAndGet();
            Answer answer = behaviour.apply(new Request(seq, headers.get("webhook-id"), body));
            received.add(new Received(seq, Map.copyOf(headers), body, answer.status(), clock.get()));
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientWentAway) {
            // The sender gave up waiting (a read timeout): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
