package com.leadline.inbox.internal.text;

import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextChannel;
import java.time.Instant;
import java.util.List;

/**
 * Local mode's channel when no SMS provider is configured: nothing leaves the machine. Accepting a
 * text lets the relay mark its outbox row sent, and the dev channel page (/dev/channel) shows the
 * sent rows as the lead's phone would. It has every number, and no ids.
 */
class DevTextChannel implements TextChannel {

    @Override
    public String send(OutboundText text) {
        return null;
    }

    @Override
    public List<String> findSent(OutboundText text, Instant since) {
        return List.of();
    }

    @Override
    public boolean holdsNumber(String phoneNumber) {
        return true;
    }
}
