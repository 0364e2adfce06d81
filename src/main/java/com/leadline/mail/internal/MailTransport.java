package com.leadline.mail.internal;

/** Where the relay hands claimed mail: SMTP, or the local mailbox when no SMTP server is configured. */
interface MailTransport {

    /** @param headers extra header fields (OutgoingMail's), in their order; empty for most mail */
    void deliver(long outboxId, String to, String subject, String body, java.util.Map<String, String> headers) throws Exception;
}
