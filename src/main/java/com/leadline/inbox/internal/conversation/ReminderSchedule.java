package com.leadline.inbox.internal.conversation;

import com.leadline.platform.CallerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due reminders on every node, every {@code leadline.inbox.reminder-interval} (30 s by default), as the
 * system actor {@value #ACTOR}.
 */
@Component
class ReminderSchedule {

    static final String ACTOR = "reminder schedule";
    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final Reminders reminders;

    ReminderSchedule(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${leadline.inbox.reminder-interval:30s}", initialDelayString = "${leadline.inbox.reminder-interval:30s}")
    void fireDue() {
        try {
            int fired = CallerContext.callAsSystem(ACTOR, reminders::fireDue);
            if (fired > 0) {
                log.info("Fired {} reminders", fired);
            }
        } catch (RuntimeException e) {
            log.warn("Could not fire due reminders, trying again at the next interval: {}", e.toString());
        }
    }
}
