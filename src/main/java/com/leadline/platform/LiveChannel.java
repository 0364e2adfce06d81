package com.leadline.platform;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open pages kept current on every server node: a change is announced with PostgreSQL NOTIFY inside its own
 * transaction (so only committed changes are heard), every node LISTENs on its own connection and thread, and
 * the owner of the channel decides, per payload, which of the pages open on this node (server-sent event
 * streams, kept per account with the viewer each belongs to) hear of it. The owner starts and stops it with
 * its own lifecycle.
 *
 * @param <V> who is looking at a page (an actor), so the owner can apply its visibility rule per page
 */
public final class LiveChannel<V> {

    private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);

    /** One open page: its viewer and its stream. */
    public record Page<V>(V viewer, SseEmitter stream) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String channel;
    private final String actor;
    private final Duration openFor;
    private final Consumer<String> onPayload;
    private final Map<UUID, Set<Page<V>>> pages = new ConcurrentHashMap<>();
    private volatile Thread listener;

    /**
     * @param channel   the NOTIFY channel's name (a plain identifier)
     * @param actor     the system actor that passes payloads on (no person's request), named in the logs and audit
     * @param openFor   how long a page's stream stays open before its script opens a new one
     * @param onPayload what a heard payload means: called on the listening thread, as {@code actor}
     */
    public LiveChannel(DataSource dataSource, JdbcClient jdbc, String channel, String actor, Duration openFor,
                       Consumer<String> onPayload) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.channel = channel;
        this.actor = actor;
        this.openFor = openFor;
        this.onPayload = onPayload;
    }

    /** Inside the changing transaction: heard by every node once it commits, never if it rolls back. */
    public void announce(String payload) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", channel).param("payload", payload).query().singleValue();
    }

    /** A new page of this viewer in this account; its stream starts with a "ready" event. */
    public SseEmitter open(UUID accountId, V viewer) {
        SseEmitter stream = new SseEmitter(openFor.toMillis());
        Page<V> page = new Page<>(viewer, stream);
        Set<Page<V>> ofAccount = pages.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet());
        ofAccount.add(page);
        Runnable remove = () -> ofAccount.remove(page);
        stream.onCompletion(remove);
        stream.onTimeout(remove);
        stream.onError(error -> remove.run());
        try {
            stream.send(SseEmitter.event().name("ready").data("listening"));
        } catch (IOException gone) {
            remove.run();
        }
        return stream;
    }

    /** The pages open on this node in this account (none: an empty set). */
    public Set<Page<V>> pagesOf(UUID accountId) {
        return pages.getOrDefault(accountId, Set.of());
    }

    /** Sends one event to one page; a page whose stream has gone is forgotten. */
    public void send(UUID accountId, Page<V> page, SseEmitter.SseEventBuilder event) {
        try {
            page.stream().send(event);
        } catch (IOException | IllegalStateException gone) {
            pagesOf(accountId).remove(page);
        }
    }

    public void start(String threadName) {
        Thread thread = new Thread(this::listen, threadName);
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    public void stop() {
        Thread running = listener;
        listener = null;
        if (running != null) {
            running.interrupt();
        }
        pages.values().forEach(set -> set.forEach(page -> page.stream().complete()));
    }

    public boolean isRunning() {
        return listener != null;
    }

    private void listen() {
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            try {
                                CallerContext.runAsSystem(actor, () -> onPayload.accept(notification.getParameter()));
                            } catch (RuntimeException e) {
                                log.warn("{}: could not pass on {}: {}", actor, notification.getParameter(), e.toString());
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                log.warn("{}: lost the connection it listens on, listening again in a second: {}", actor, e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
