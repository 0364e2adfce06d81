package com.leadline.notifications.internal;

import com.leadline.platform.CallerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends due digests on every node, every {@code leadline.notifications.digest-interval} (15 minutes by default). */
@Component
class DigestSchedule {

    static final String ACTOR = "notification digests";
    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final Digests digests;

    DigestSchedule(Digests digests) {
        this.digests = digests;
    }

    @Scheduled(fixedDelayString = "${leadline.notifications.digest-interval:15m}",
            initialDelayString = "${leadline.notifications.digest-interval:15m}")
    void sendDue() {
        try {
            int sent = CallerContext.callAsSystem(ACTOR, digests::sendDue);
            if (sent > 0) {
                log.info("Sent {} new-lead digests", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Could not send the new-lead digests, trying again at the next interval: {}", e.toString());
        }
    }
}
