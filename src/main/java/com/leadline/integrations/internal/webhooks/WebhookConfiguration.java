package com.leadline.integrations.internal.webhooks;

import com.leadline.audit.AuditLog;
import com.leadline.mail.Mailer;
import com.leadline.platform.Links;
import com.leadline.platform.OutboxRelay;
import com.leadline.platform.Tenancy;
import com.leadline.team.TeamSupport;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** The system's resolver, unless another is given (the tests map names to addresses of their choice). */
    @Bean
    @ConditionalOnMissingBean
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    /** {@code allow-loopback}: false unless configured; local mode (embedded database, no SMTP) defaults it to true (LocalModeBinding). */
    @Bean
    WebhookDestinations webhookDestinations(HostResolver resolver,
                                            @Value("${leadline.webhooks.allow-loopback:false}") boolean allowLoopback) {
        return new WebhookDestinations(resolver, allowLoopback);
    }

    @Bean
    WebhookSender webhookSender(WebhookDestinations destinations, Clock clock,
                                @Value("${leadline.webhooks.connect-timeout:5s}") Duration connectTimeout,
                                @Value("${leadline.webhooks.read-timeout:10s}") Duration readTimeout) {
        return new WebhookSender(destinations, clock, connectTimeout, readTimeout);
    }

    @Bean
    WebhookEndpointHealth webhookEndpointHealth(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                                                TeamSupport team, Mailer mailer, AuditLog audit, Links links, Clock clock,
                                                @Value("${leadline.webhooks.disable-after:24h}") Duration disableAfter) {
        return new WebhookEndpointHealth(jdbc, transactionManager, team, mailer, audit, links, clock, disableAfter);
    }

    /**
     * Back-off: {@code first-retry} doubling up to {@code max-retry}, each wait jittered by ±20 %; with the
     * defaults (30 s, 5 h, 14 attempts) the 14th and last attempt comes about 23.5 hours after the first.
     */
    @Bean
    WebhookRelay webhookRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, Tenancy tenancy,
                              WebhookSender sender, WebhookEndpointHealth health, Clock clock,
                              @Value("${leadline.webhooks.lease:2m}") Duration lease,
                              @Value("${leadline.webhooks.first-retry:30s}") Duration firstRetry,
                              @Value("${leadline.webhooks.max-retry:5h}") Duration maxRetry,
                              @Value("${leadline.webhooks.max-attempts:14}") int maxAttempts,
                              @Value("${leadline.webhooks.relay-threads:8}") int relayThreads) {
        return new WebhookRelay(jdbc, transactionManager, tenancy, sender, health, clock,
                new OutboxRelay.Policy(lease, firstRetry, maxRetry, maxAttempts), relayThreads);
    }
}
