package com.leadline.inbox;

import java.time.Instant;
import java.util.Optional;

/**
 * Where outbound texts leave Leadline: the port an SMS provider adapter implements, as one Spring
 * bean of this type. Without such a bean, local mode uses the built-in dev channel (the texts stay
 * on the dev channel page) and production keeps every text queued in the outbox until a provider
 * is configured.
 *
 * <p>The text relay calls it after the reply's transaction has committed, outside any transaction,
 * once per attempt. Providers take no idempotency key, so a text can reach the provider twice if a
 * relay stops between the provider's answer and recording it; the relay narrows that window with
 * {@link #findSent} (docs/texting.md says what is promised).
 */
public interface TextChannel {

    /**
     * Hands one text to the provider and returns the provider's id for it (null if the channel has
     * none). Throws {@link TextRefusedException} when the provider refuses it for good, and any other
     * exception to have the relay record the error and try again later, with back-off.
     */
    String send(OutboundText text) throws Exception;

    /**
     * The provider's id of a text it took from {@code text.from()} to {@code text.to()} with the same
     * body at or after {@code since}, if there is one: asked before sending again a text whose
     * earlier attempt stopped without an answer.
     */
    Optional<String> findSent(OutboundText text, Instant since) throws Exception;

    /** Whether the provider account holds {@code phoneNumber} (E.164) and can text from it. */
    boolean holdsNumber(String phoneNumber) throws Exception;
}
