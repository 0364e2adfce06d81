package com.leadline.inbox.internal.text;

import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextChannel;

/**
 * Local mode's channel when no SMS provider is configured: nothing leaves the machine. Accepting a
 * text lets the relay mark its outbox row sent, and the dev channel page (/dev/channel) shows the
 * sent rows as the lead's phone would.
 */
class DevTextChannel implements TextChannel {

    @Override
    public void send(OutboundText text) {
        // Accepted as is: the outbox row, marked sent by the relay, is what the dev channel page shows.
    }
}
