package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for open inboxes, on every server node: a change is announced with PostgreSQL NOTIFY
 * inside its own transaction (so only committed changes are heard), every node LISTENs, and each
 * open inbox is told about a conversation only if the one visibility rule lets its viewer see it,
 * before or after the change (so a conversation given away disappears too).
 */
@Component
public class InboxEvents implements SmartLifecycle {

    static final String CHANNEL = "leadline_inbox";
    /** Who passes changes on to open inboxes: no person's request, so a named system actor. */
    static final String ACTOR = "inbox live updates";
    private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);
    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private record Subscriber(Actor actor, SseEmitter emitter) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ConversationStore conversations;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Map<UUID, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private volatile Thread listener;

    InboxEvents(DataSource dataSource, JdbcClient jdbc, ConversationStore conversations, Tenancy tenancy,
                TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    /**
     * Inside the changing transaction: heard by every node once it commits. {@code profileBefore} and
     * {@code assigneeBefore}: where the conversation was before the change, so those who saw it there hear it left.
     */
    void announce(UUID accountId, UUID conversationId, UUID profileBefore, UUID assigneeBefore) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL)
                .param("payload", accountId + ":" + conversationId + ":" + profileBefore + ":"
                        + (assigneeBefore == null ? "-" : assigneeBefore))
                .query().singleValue();
    }

    /** As {@link #announce(UUID, UUID, UUID, UUID)}, for the conversation as it was read before the change. */
    void announce(UUID accountId, Conversation before) {
        announce(accountId, before.id(), before.profileId(), before.assigneeId());
    }

    public SseEmitter subscribe(Actor actor) {
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

    private void dispatch(String payload) {
        String[] parts = payload.split(":");
        UUID accountId = UUID.fromString(parts[0]);
        UUID conversationId = UUID.fromString(parts[1]);
        UUID profileBefore = UUID.fromString(parts[2]);
        UUID assigneeBefore = parts[3].equals("-") ? null : UUID.fromString(parts[3]);
        Set<Subscriber> ofAccount = subscribers.get(accountId);
        if (ofAccount == null || ofAccount.isEmpty()) {
            return;
        }
        Optional<Conversation> now = transactions.execute(status ->
                tenancy.inAccount(accountId, () -> conversations.find(conversationId)));
        if (now.isEmpty()) {
            return;
        }
        for (Subscriber subscriber : ofAccount) {
            Visibility visibility = Visibility.of(subscriber.actor());
            boolean concerned = visibility.allows(now.get().profileId(), now.get().assigneeId())
                    || visibility.allows(profileBefore, assigneeBefore);
            if (concerned) {
                try {
                    subscriber.emitter().send(SseEmitter.event().name("inbox").data(conversationId.toString()));
                } catch (IOException | IllegalStateException gone) {
                    ofAccount.remove(subscriber);
                }
            }
        }
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
                                log.warn("Could not pass on inbox change {}: {}", notification.getParameter(), e.toString());
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                log.warn("Inbox change listener lost its connection, listening again in a second: {}", e.toString());
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
        Thread thread = new Thread(this::listen, "inbox-events");
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
