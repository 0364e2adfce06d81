package com.leadline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real HTTP server standing in for the SMS provider's REST API (the parts Leadline calls: create
 * and list Messages, list IncomingPhoneNumbers), on a loopback port, for the whole test run. It
 * keeps every request it was sent and the messages it "sent"; a test can queue how the next create
 * calls for a given To number answer. Tests share it: each uses numbers of its own.
 */
public final class FakeSmsProvider {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "test-auth-token-of-the-fake-provider";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final FakeSmsProvider INSTANCE = new FakeSmsProvider();

    /** How one create call answers. */
    public enum Answer {
        /** 201 with the new message. */
        CREATED,
        /** 500, nothing created. */
        SERVER_ERROR,
        /** 400 with the provider's error 21211, nothing created. */
        INVALID_TO,
        /** The message is created, but the answer comes after the client's read timeout. */
        CREATED_TOO_LATE,
        /** Nothing is created and the answer comes after the client's read timeout. */
        NOTHING_TOO_LATE
    }

    public record Request(String method, String path, Map<String, String> parameters, String authorization) {
    }

    public record Message(String sid, String to, String from, String body, Instant created) {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ConcurrentLinkedDeque<Answer>> answersByTo = new ConcurrentHashMap<>();
    private final Set<String> numbers = ConcurrentHashMap.newKeySet();
    private volatile long lateAnswerMillis = 2_500;
    private volatile java.util.function.Supplier<Instant> clock = Instant::now;

    private FakeSmsProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/2010-04-01/Accounts/" + ACCOUNT_SID + "/", this::handle);
        server.start();
    }

    public static FakeSmsProvider get() {
        return INSTANCE;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next create calls to {@code to} answer so, in order; then CREATED. */
    public void answer(String to, Answer... answers) {
        answersByTo.computeIfAbsent(to, number -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    /** Stamps the messages it creates with this clock's time (a test's own clock), until {@link #stampWithRealTime}. */
    public void stampWith(java.util.function.Supplier<Instant> time) {
        clock = time;
    }

    public void stampWithRealTime() {
        clock = Instant::now;
    }

    /** A message the provider account sent before, as if by an earlier text. */
    public void alreadySent(String to, String from, String body, Instant created) {
        messages.add(new Message("SM" + UUID.randomUUID().toString().replace("-", ""), to, from, body, created));
    }

    public void holdNumber(String number) {
        numbers.add(number);
    }

    /** Create calls (POST Messages) for texts to {@code to}. */
    public List<Request> createsTo(String to) {
        return requestsMatching("POST", "/Messages.json", to);
    }

    /** List calls (GET Messages) for texts to {@code to}. */
    public List<Request> listsTo(String to) {
        return requestsMatching("GET", "/Messages.json", to);
    }

    public List<Message> messagesTo(String to) {
        synchronized (messages) {
            return messages.stream().filter(message -> message.to().equals(to)).toList();
        }
    }

    private List<Request> requestsMatching(String method, String pathEnd, String to) {
        synchronized (requests) {
            return requests.stream().filter(request -> request.method().equals(method) && request.path().endsWith(pathEnd)
                    && to.equals(request.parameters().get("To"))).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Map<String, String> parameters = new LinkedHashMap<>(decode(exchange.getRequestURI().getRawQuery()));
        if (method.equals("POST")) {
            parameters.putAll(decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(method, path, parameters, authorization));
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
        } else if (method.equals("POST") && path.endsWith("/Messages.json")) {
            create(exchange, parameters);
        } else if (method.equals("GET") && path.endsWith("/Messages.json")) {
            respond(exchange, 200, "{\"messages\":[" + list(parameters.get("To"), parameters.get("From")) + "]}");
        } else if (method.equals("GET") && path.endsWith("/IncomingPhoneNumbers.json")) {
            String number = parameters.getOrDefault("PhoneNumber", "");
            respond(exchange, 200, "{\"incoming_phone_numbers\":["
                    + (numbers.contains(number) ? "{\"phone_number\":\"" + number + "\"}" : "") + "]}");
        } else {
            respond(exchange, 404, "{\"code\":20404,\"message\":\"Not found\",\"status\":404}");
        }
    }

    private void create(HttpExchange exchange, Map<String, String> form) throws IOException {
        ConcurrentLinkedDeque<Answer> queued = answersByTo.get(form.get("To"));
        Answer answer = queued == null || queued.isEmpty() ? Answer.CREATED : queued.poll();
        switch (answer) {
            case SERVER_ERROR -> respond(exchange, 500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
            case INVALID_TO -> respond(exchange, 400,
                    "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}");
            case NOTHING_TOO_LATE -> {
                sleep();
                respond(exchange, 500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
            }
            case CREATED, CREATED_TOO_LATE -> {
                Message message = new Message("SM" + UUID.randomUUID().toString().replace("-", ""), form.get("To"), form.get("From"),
                        form.get("Body"), clock.get());
                messages.add(message);
                if (answer == Answer.CREATED_TOO_LATE) {
                    sleep();
                }
                respond(exchange, 201, json(message));
            }
        }
    }

    private String list(String to, String from) {
        synchronized (messages) {
            return messages.stream()
                    .filter(message -> (to == null || message.to().equals(to)) && (from == null || message.from().equals(from)))
                    .sorted(Comparator.comparing(Message::created).reversed())
                    .map(FakeSmsProvider::json).collect(Collectors.joining(","));
        }
    }

    private static String json(Message message) {
        return "{\"sid\":\"" + message.sid() + "\",\"to\":\"" + message.to() + "\",\"from\":\"" + message.from() + "\",\"body\":\""
                + message.body().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\",\"status\":\"queued\","
                + "\"date_created\":\"" + RFC_1123.format(message.created()) + "\"}";
    }

    private void sleep() {
        try {
            Thread.sleep(lateAnswerMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            fields.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
