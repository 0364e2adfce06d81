package com.leadline.mail;

/**
 * Queues mail in the outbox. Must be called inside the transaction of the change that causes the
 * mail: if that transaction rolls back, nothing is sent; once it commits, the relay delivers it.
 */
public interface Mailer {

    void queue(OutgoingMail mail);
}
