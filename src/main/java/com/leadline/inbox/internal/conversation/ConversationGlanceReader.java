package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.ConversationGlances;
import com.leadline.inbox.internal.Visibility;
import com.leadline.platform.Transactions;
import com.leadline.team.Actor;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ConversationGlances}: the conversation's row, through {@link Visibility} for the actor. */
@Component
class ConversationGlanceReader implements ConversationGlances {

    private final ConversationStore conversations;
    private final TransactionTemplate reads;

    ConversationGlanceReader(ConversationStore conversations, PlatformTransactionManager transactionManager) {
        this.conversations = conversations;
        this.reads = Transactions.readOnly(transactionManager);
    }

    @Override
    public Optional<Glance> glanceFor(Actor actor, UUID conversationId) {
        Visibility visibility = Visibility.of(actor);
        return reads.execute(status -> conversations.find(conversationId)
                .filter(conversation -> visibility.allows(conversation.profileId(), conversation.assigneeId()))
                .map(conversation -> new Glance(conversation.id(), conversation.profileId(), conversation.assigneeId(),
                        conversation.state(), conversation.contactName(), conversation.contactPhone(), conversation.preview())));
    }
}
