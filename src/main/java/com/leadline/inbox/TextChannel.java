package com.leadline.inbox;

import java.time.Instant;
import java.util.List;

/**
 * Where outbound texts leave Leadline: the port an SMS provider adapter implements, as one Spring
 * bean of this type. Without such a bean, local mode uses the built-in dev channel (the texts stay
 * on the dev channel page) and production keeps every text queued in the outbox until a provider
 * is configured.
 *
 * <p>The text relay calls it after the reply's transaction has committed, outside any transaction,
 * once per attempt. Providers take no idempotency key, so a text could reach the provider twice when
 * an attempt ends without an answer (a timeout, a relay that stopped mid-send); the relay asks
 * {@link #findSent} before trying such a text again (docs/texting.md says what is promised).
 */
public interface TextChannel {

    /**
     * Hands one text to the provider and returns the provider's id for it (null if the channel has
     * none). Throws {@link TextRefusedException} when the provider refuses it for good,
     * {@link NoSendingNumberException} when the profile has no number to send from (nothing was
     * called), and any other exception to have the relay record the error and try again later, with
     * back-off.
     */
    String send(OutboundText text) throws Exception;

    /**
     * The provider's ids of the texts it took from {@code text.from()} to {@code text.to()} with the
     * same body at or after {@code since}, newest first: asked before sending again a text whose
     * earlier attempt may have reached the provider without an answer.
     */
    List<String> findSent(OutboundText text, Instant since) throws Exception;

    /** Whether the provider account holds {@code phoneNumber} (E.164) and can text from it. */
    boolean holdsNumber(String phoneNumber) throws Exception;
}
