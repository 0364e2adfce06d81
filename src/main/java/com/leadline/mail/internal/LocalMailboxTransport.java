package com.leadline.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Local mode: mail lands in the local mailbox table, read on /dev/mailbox, instead of leaving the machine. */
class LocalMailboxTransport implements MailTransport {

    private final JdbcClient jdbc;
    private final Seal seal;
    private final Clock clock;

    LocalMailboxTransport(JdbcClient jdbc, Seal seal, Clock clock) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public void deliver(long outboxId, String to, String subject, String body, java.util.Map<String, String> headers) {
        jdbc.sql("""
                        INSERT INTO mail_local_mailbox (outbox_id, delivered_at, recipient, subject, sealed_body, sealed_headers)
                        VALUES (:outbox, :at, :to, :subject, :body, :headers)
                        ON CONFLICT (outbox_id) DO NOTHING""")
                .param("outbox", outboxId)
                .param("at", Timestamp.from(clock.instant()))
                .param("to", to)
                .param("subject", subject)
                .param("body", seal.seal(body))
                .param("headers", MailHeaders.seal(seal, headers))
                .update();
    }
}
