package com.leadline.inbox;

/** Where a provider adapter reports what became of an outbound text (its status callbacks). */
public interface TextDeliveries {

    /**
     * Records the provider's report on the text of outbox row {@code outboxId}. A report never moves a
     * text back (a late "sent" after "delivered" is ignored). False when there is no such text, or
     * the report names another provider id than the one recorded for it.
     *
     * @param status    queued, sent, delivered, undelivered or failed; other provider states are ignored
     * @param errorCode the provider's error code for undelivered and failed, or null
     * @param error     what the code means, in words a person acts on (shown in the thread), or null
     */
    boolean report(long outboxId, String providerMessageId, String status, String errorCode, String error);
}
