package com.leadline.mail.internal;

/** Where the relay hands claimed mail: SMTP, or the local mailbox when no SMTP server is configured. */
interface MailTransport {

    void deliver(long outboxId, String to, String subject, String body) throws Exception;
}
