package com.leadline.billing.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One row of billing_events: what changed, when, about whom, from what to what, and who changed it. */
record BillingEvent(Instant occurredAt, Kind kind, UUID subjectId, String from, String to, UUID actorUserId) {

    enum Kind {
        USER_INVITED, SEAT_ADDED, SEAT_REMOVED, PROFILE_ADDED, PROFILE_ARCHIVED, PROFILE_RESTORED, PLAN_CHANGED,
        BILLING_DETAILS_CHANGED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }

        String subjectType() {
            return switch (this) {
                case USER_INVITED, SEAT_ADDED, SEAT_REMOVED -> "user";
                case PROFILE_ADDED, PROFILE_ARCHIVED, PROFILE_RESTORED, PLAN_CHANGED -> "profile";
                case BILLING_DETAILS_CHANGED -> "account";
            };
        }
    }
}
