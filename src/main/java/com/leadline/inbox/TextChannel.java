package com.leadline.inbox;

/**
 * Where outbound texts leave Leadline: the port an SMS provider adapter implements, as one Spring
 * bean of this type. Without such a bean, local mode uses the built-in dev channel (the texts stay
 * on the dev channel page) and production keeps every text queued in the outbox until a provider
 * is configured.
 *
 * <p>The text relay calls it after the reply's transaction has committed, outside any transaction,
 * once per attempt. A text can be handed over more than once (a node stopped after the provider
 * took it and before the outbox row was marked sent), so an adapter passes
 * {@link OutboundText#idempotencyKey()} on to the provider, which then sends it once.
 */
public interface TextChannel {

    /**
     * Hands one text to the provider. Return normally once the provider has accepted it; throw to
     * have the relay record the error and try again later, with back-off.
     */
    void send(OutboundText text) throws Exception;
}
