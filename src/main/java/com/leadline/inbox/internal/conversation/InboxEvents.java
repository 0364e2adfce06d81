package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.platform.LiveChannel;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
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
    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final ConversationStore conversations;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final LiveChannel<Actor> channel;

    InboxEvents(DataSource dataSource, JdbcClient jdbc, ConversationStore conversations, Tenancy tenancy,
                TransactionTemplate transactions) {
        this.conversations = conversations;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.channel = new LiveChannel<>(dataSource, jdbc, CHANNEL, ACTOR, OPEN_FOR, this::dispatch);
    }

    /**
     * Inside the changing transaction: heard by every node once it commits. {@code profileBefore} and
     * {@code assigneeBefore}: where the conversation was before the change, so those who saw it there hear it left.
     */
    void announce(UUID accountId, UUID conversationId, UUID profileBefore, UUID assigneeBefore) {
        channel.announce(accountId + ":" + conversationId + ":" + profileBefore + ":" + (assigneeBefore == null ? "-" : assigneeBefore));
    }

    /** As {@link #announce(UUID, UUID, UUID, UUID)}, for the conversation as it was read before the change. */
    void announce(UUID accountId, Conversation before) {
        announce(accountId, before.id(), before.profileId(), before.assigneeId());
    }

    public SseEmitter subscribe(Actor actor) {
        return channel.open(actor.accountId(), actor);
    }

    private void dispatch(String payload) {
        String[] parts = payload.split(":");
        UUID accountId = UUID.fromString(parts[0]);
        UUID conversationId = UUID.fromString(parts[1]);
        UUID profileBefore = UUID.fromString(parts[2]);
        UUID assigneeBefore = parts[3].equals("-") ? null : UUID.fromString(parts[3]);
        Set<LiveChannel.Page<Actor>> open = channel.pagesOf(accountId);
        if (open.isEmpty()) {
            return;
        }
        Optional<Conversation> now = transactions.execute(status ->
                tenancy.inAccount(accountId, () -> conversations.find(conversationId)));
        if (now.isEmpty()) {
            return;
        }
        for (LiveChannel.Page<Actor> page : open) {
            Visibility visibility = Visibility.of(page.viewer());
            boolean concerned = visibility.allows(now.get().profileId(), now.get().assigneeId())
                    || visibility.allows(profileBefore, assigneeBefore);
            if (concerned) {
                channel.send(accountId, page, SseEmitter.event().name("inbox").data(conversationId.toString()));
            }
        }
    }

    @Override
    public void start() {
        channel.start("inbox-events");
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
