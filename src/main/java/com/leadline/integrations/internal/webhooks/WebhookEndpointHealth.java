package com.leadline.integrations.internal.webhooks;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditLog;
import com.leadline.integrations.internal.webhooks.WebhookSender.Attempt;
import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.Links;
import com.leadline.platform.Transactions;
import com.leadline.team.TeamSupport;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether an endpoint is failing, written with each attempt in the relay's transaction (in the
 * endpoint's account): {@code failing_since} is the first failed attempt since the last success, and
 * cleared by a success. A failed attempt when the endpoint has been failing for longer than
 * {@code disableAfter} disables it, with the reason in words, records that in the account's audit log
 * (by the relay, a system caller) and queues an email to the account's active owner and admins, all in
 * that same transaction.
 */
class WebhookEndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpointHealth.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final TransactionTemplate callersTransaction;
    private final TeamSupport team;
    private final Mailer mailer;
    private final AuditLog audit;
    private final Links links;
    private final Clock clock;
    private final Duration disableAfter;

    WebhookEndpointHealth(JdbcClient jdbc, PlatformTransactionManager transactionManager, TeamSupport team, Mailer mailer,
                          AuditLog audit, Links links, Clock clock, Duration disableAfter) {
        this.jdbc = jdbc;
        this.callersTransaction = Transactions.callersOnly(transactionManager);
        this.team = team;
        this.mailer = mailer;
        this.audit = audit;
        this.links = links;
        this.clock = clock;
        this.disableAfter = disableAfter;
    }

    Duration disableAfter() {
        return disableAfter;
    }

    void succeeded(UUID accountId, UUID endpointId) {
        callersTransaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE webhook_endpoints SET failing_since = NULL
                        WHERE account_id = :account AND id = :endpoint AND failing_since IS NOT NULL""")
                .param("account", accountId).param("endpoint", endpointId).update());
    }

    void failed(UUID accountId, UUID endpointId, Attempt attempt) {
        callersTransaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Instant failingSince = jdbc.sql("""
                            UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, :at)
                            WHERE account_id = :account AND id = :endpoint
                            RETURNING failing_since""")
                    .param("at", Timestamp.from(attempt.at())).param("account", accountId).param("endpoint", endpointId)
                    .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
            if (failingSince == null || !failingSince.isBefore(now.minus(disableAfter))) {
                return;
            }
            String reason = WebhookDeliveryStore.truncate("Disabled by Leadline on " + WHEN.format(now)
                    + ": every delivery failed since " + WHEN.format(failingSince) + ". Last attempt: "
                    + lastAttemptInWords(attempt), 300);
            record Disabled(String url, String description, UUID onlyProfile) {
            }
            jdbc.sql("""
                            UPDATE webhook_endpoints
                            SET enabled = false, disabled_at = :now, disabled_reason = :reason, version = version + 1
                            WHERE account_id = :account AND id = :endpoint AND enabled
                            RETURNING url, description,
                                      CASE WHEN NOT all_profiles AND cardinality(profile_ids) = 1 THEN profile_ids[1] END""")
                    .param("now", Timestamp.from(now)).param("reason", reason)
                    .param("account", accountId).param("endpoint", endpointId)
                    .query((rs, n) -> new Disabled(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class))).optional()
                    .ifPresent(disabled -> {
                        log.warn("Webhook endpoint {} of account {} disabled: failing since {}", endpointId, accountId, failingSince);
                        AuditEntry entry = AuditEntry.of("webhook.disabled", AuditEntry.Outcome.SUCCESS).inAccount(accountId)
                                .on("webhook_endpoint", endpointId).with(Map.of("url", disabled.url(), "reason", "failing since "
                                        + WHEN.format(failingSince)));
                        audit.record(disabled.onlyProfile() == null ? entry : entry.aboutProfile(disabled.onlyProfile()));
                        tellAdmins(accountId, endpointId, disabled.url(), disabled.description(), failingSince, attempt);
                    });
        });
    }

    private void tellAdmins(UUID accountId, UUID endpointId, String url, String description, Instant failingSince, Attempt attempt) {
        String shortUrl = WebhookDeliveryStore.truncate(url, 80);
        for (TeamSupport.Admin admin : team.activeAdminsOf(accountId)) {
            mailer.queue(new OutgoingMail(admin.email(), "Leadline stopped sending webhooks to " + shortUrl, """
                    Hello %s,

                    Leadline could not deliver any event to your webhook endpoint
                    %s%s
                    since %s, so it has disabled the endpoint. It receives no events until someone enables it again.

                    The last attempt: %s

                    Events already waiting for it are kept and sent, in order, once it is enabled again. Open the
                    endpoint in Leadline (%s), check its delivery log, fix the receiving side and enable it.
                    """.formatted(admin.name(), url, description == null || description.isBlank() ? "" : " (" + description + ")",
                    WHEN.format(failingSince), lastAttemptInWords(attempt), links.to("/settings/integrations/webhooks/" + endpointId))));
        }
    }

    private static String lastAttemptInWords(Attempt attempt) {
        if (attempt.statusCode() != null) {
            return "the endpoint answered HTTP " + attempt.statusCode() + ".";
        }
        return attempt.error() == null ? "no answer." : attempt.error();
    }
}
