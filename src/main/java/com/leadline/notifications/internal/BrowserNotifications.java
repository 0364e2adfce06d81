package com.leadline.notifications.internal;

import com.leadline.inbox.ConversationGlances;
import com.leadline.inbox.ConversationGlances.Glance;
import com.leadline.platform.LiveChannel;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
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
    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final ConversationGlances glances;
    private final Tenancy tenancy;
    private final LiveChannel<Actor> channel;

    BrowserNotifications(DataSource dataSource, JdbcClient jdbc, ConversationGlances glances, Tenancy tenancy) {
        this.glances = glances;
        this.tenancy = tenancy;
        this.channel = new LiveChannel<>(dataSource, jdbc, CHANNEL, ACTOR, OPEN_FOR, this::dispatch);
    }

    /** Inside the change's transaction: heard once it commits. */
    void announce(UUID accountId, UUID conversationId, Kind kind) {
        channel.announce(accountId + ":" + conversationId + ":" + kind.name());
    }

    SseEmitter subscribe(Actor actor) {
        return channel.open(actor.accountId(), actor);
    }

    void dispatch(String payload) {
        String[] parts = payload.split(":");
        UUID accountId = UUID.fromString(parts[0]);
        UUID conversationId = UUID.fromString(parts[1]);
        Kind kind = Kind.valueOf(parts[2]);
        for (LiveChannel.Page<Actor> page : channel.pagesOf(accountId)) {
            Optional<Glance> seen = tenancy.inAccount(accountId, () -> glances.glanceFor(page.viewer(), conversationId));
            seen.ifPresent(conversation -> channel.send(accountId, page, SseEmitter.event().name("notify").data(Shown.of(kind, conversation), MediaType.APPLICATION_JSON)));
        }
    }

    /** What an open page is told (as JSON): it shows {@code title} and {@code body} and opens {@code url} when clicked. */
    record Shown(String kind, UUID conversationId, String title, String body, String url) {

        static Shown of(Kind kind, Glance conversation) {
            return new Shown(kind.name().toLowerCase(java.util.Locale.ROOT), conversation.id(),
                    (kind == Kind.LEAD ? "New lead: " : "New message from ") + conversation.contactLabel(),
                    NotificationMails.preview(conversation), "/inbox?c=" + conversation.id());
        }
    }

    @Override
    public void start() {
        channel.start("browser-notifications");
    }

    @Override
    public void stop() {
        channel.stop();
    }

    @Override
    public boolean isRunning() {
        return channel.isRunning();
    }
}
