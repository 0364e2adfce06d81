package com.leadline.mail.internal;

import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.Transactions;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class MailOutbox implements Mailer {

    private final JdbcClient jdbc;
    private final Seal seal;
    private final Clock clock;
    private final MailRelay relay;
    private final TransactionTemplate callersTransaction;

    MailOutbox(JdbcClient jdbc, Seal seal, Clock clock, MailRelay relay, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.clock = clock;
        this.relay = relay;
        this.callersTransaction = Transactions.callersOnly(transactionManager);
    }

    @Override
    public void queue(OutgoingMail mail) {
        callersTransaction.executeWithoutResult(status -> insert(mail));
    }

    private void insert(OutgoingMail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO mail_outbox (created_at, recipient, subject, sealed_body, sealed_headers, status, next_attempt_at)
                        VALUES (:now, :to, :subject, :body, :headers, 'pending', :now)""")
                .param("now", now)
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("body", seal.seal(mail.body()))
                .param("headers", MailHeaders.seal(seal, mail.headers()))
                .update();
        relay.wakeUpAfterCommit();
    }
}
