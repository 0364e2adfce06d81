package com.leadline.mail.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The local mailbox: exists only when no SMTP server is configured (local mode). */
@Controller
@Conditional(MailConfiguration.LocalMailboxMode.class)
class LocalMailboxController {

    private static final Pattern LINK = Pattern.compile("https?://\\S*[^\\s.,;:!?)]");

    private final JdbcClient jdbc;
    private final Seal seal;

    LocalMailboxController(JdbcClient jdbc, Seal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    record MailSummary(long id, Timestamp deliveredAt, String recipient, String subject) {
    }

    record MailView(long id, Timestamp deliveredAt, String recipient, String subject, String body, List<String> links,
                    java.util.Map<String, String> headers) {
    }

    @GetMapping("/dev/mailbox")
    String list(Model model) {
        model.addAttribute("mails", jdbc.sql("""
                        SELECT id, delivered_at, recipient, subject FROM mail_local_mailbox ORDER BY id DESC LIMIT 200""")
                .query(MailSummary.class).list());
        return "mail/mailbox";
    }

    @GetMapping("/dev/mailbox/{id}")
    String show(@PathVariable long id, Model model) {
        record Row(long id, Timestamp deliveredAt, String recipient, String subject, byte[] sealedBody, byte[] sealedHeaders) {
        }
        Row row = jdbc.sql("SELECT id, delivered_at, recipient, subject, sealed_body, sealed_headers FROM mail_local_mailbox WHERE id = :id")
                .param("id", id).query(Row.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message"));
        String body = seal.open(row.sealedBody());
        Matcher links = LINK.matcher(body);
        model.addAttribute("mail", new MailView(row.id(), row.deliveredAt(), row.recipient(), row.subject(), body,
                links.results().map(java.util.regex.MatchResult::group).toList(), MailHeaders.open(seal, row.sealedHeaders())));
        return "mail/message";
    }
}
