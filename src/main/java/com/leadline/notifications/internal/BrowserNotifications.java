package com.leadline.notifications.internal;

import com.leadline.inbox.ConversationGlances;
import com.leadline.inbox.ConversationGlances.Glance;
import com.leadline.platform.CallerContext;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Browser notifications while Leadline is open: the signed-in pages' script listens on
 * {@code /notifications/events} (server-sent events) once the person turned them on in that browser. A new
 * lead or a lead's message is announced with PostgreSQL NOTIFY inside the change's transaction (heard by
 * every node once it commits); each open page is told ("notify", a small JSON object: kind, conversation id,
 * title, body and link) only if the inbox's visibility rule lets its person see the conversation now. The
 * page shows it with the Notification API.
 */
@Component
class BrowserNotifications implements SmartLifecycle {

    enum Kind { LEAD, MESSAGE }

    static final String CHANNEL = "leadline_notifications";
    static final String ACTOR = "browser notifications";
    private static final Logger log = LoggerFactory.getLogger(BrowserNotifications.class);
    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private record Subscriber(Actor actor, SseEmitter emitter) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ConversationGlances glances;
    private final Tenancy tenancy;
    private final Map<UUID, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private volatile Thread listener;

    BrowserNotifications(DataSource dataSource, JdbcClient jdbc, ConversationGlances glances, Tenancy tenancy) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.glances = glances;
        this.tenancy = tenancy;
    }

    /** Inside the change's transaction: heard once it commits. */
    void announce(UUID accountId, UUID conversationId, Kind kind) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL)
                .param("payload", accountId + ":" + conversationId + ":" + kind.name()).query().singleValue();
    }

    SseEmitter subscribe(Actor actor) {
        SseEmitter emitter = new SseEmitter(OPEN_FOR.toMillis());
        Subscriber subscriber = new Subscriber(actor, emitter);
        Set<Subscriber> ofAccount = subscribers.computeIfAbsent(actor.accountId(), id -> ConcurrentHashMap.newKeySet());
        ofAccount.add(subscriber);
        Runnable remove = () -> ofAccount.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("ready").data("listening"));
        } catch (IOException gone) {
            remove.run();
        }
        return emitter;
    }

    void dispatch(String payload) {
        String[] parts = payload.split(":");
        UUID accountId = UUID.fromString(parts[0]);
        UUID conversationId = UUID.fromString(parts[1]);
        Kind kind = Kind.valueOf(parts[2]);
        Set<Subscriber> ofAccount = subscribers.get(accountId);
        if (ofAccount == null || ofAccount.isEmpty()) {
            return;
        }
        for (Subscriber subscriber : ofAccount) {
            Optional<Glance> seen = tenancy.inAccount(accountId, () -> glances.glanceFor(subscriber.actor(), conversationId));
            if (seen.isEmpty()) {
                continue;
            }
            try {
                subscriber.emitter().send(SseEmitter.event().name("notify").data(json(kind, seen.get())));
            } catch (IOException | IllegalStateException gone) {
                ofAccount.remove(subscriber);
            }
        }
    }

    static String json(Kind kind, Glance conversation) {
        String title = (kind == Kind.LEAD ? "New lead: " : "New message from ") + conversation.contactLabel();
        return "{\"kind\":\"" + kind.name().toLowerCase(java.util.Locale.ROOT) + "\",\"conversationId\":\"" + conversation.id()
                + "\",\"title\":" + quoted(title) + ",\"body\":" + quoted(NotificationMails.preview(conversation))
                + ",\"url\":" + quoted("/inbox?c=" + conversation.id()) + "}";
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private void listen() {
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            try {
                                CallerContext.runAsSystem(ACTOR, () -> dispatch(notification.getParameter()));
                            } catch (RuntimeException e) {
                                log.warn("Could not pass on notification {}: {}", notification.getParameter(), e.toString());
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                log.warn("Notification listener lost its connection, listening again in a second: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "browser-notifications");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = listener;
        listener = null;
        if (running != null) {
            running.interrupt();
        }
        subscribers.values().forEach(set -> set.forEach(subscriber -> subscriber.emitter().complete()));
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
