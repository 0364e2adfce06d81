package com.leadline.notifications.internal;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of notification email, each of which a person turns off on its own (and by its own unsubscribe link). */
enum NotificationKind {
    ASSIGNMENT("assignment"), NEW_LEAD("new-lead");

    final String code;

    NotificationKind(String code) {
        this.code = code;
    }

    static Optional<NotificationKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
