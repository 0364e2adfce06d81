package com.leadline.inbox.internal.text;

import com.leadline.inbox.internal.Visibility;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What the local dev channel page shows: the latest outbound texts of the conversations the actor may see. */
@Service
public class DevChannelTexts {

    private static final int SHOWN = 20;

    private final TextOutbox outbox;
    private final TransactionTemplate transactions;

    DevChannelTexts(TextOutbox outbox, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public List<TextOutbox.Entry> recent(Actor actor) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> outbox.recent(Visibility.of(actor), SHOWN));
    }
}
