package com.leadline.inbox.internal.text;

import com.leadline.inbox.TextChannel;
import com.leadline.platform.OutboxRelay;
import com.leadline.platform.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class TextChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TextChannelConfiguration.class);

    /**
     * The channel is the SMS provider adapter's {@link TextChannel} bean when there is one; otherwise
     * the dev channel in local mode (embedded database), and none in production, where replies wait
     * in the outbox, queued, until a provider is configured.
     */
    @Bean
    TextRelay textRelay(ObjectProvider<TextChannel> adapters, JdbcClient jdbc, TransactionTemplate transactions,
                        Tenancy tenancy, Clock clock,
                        @Value("${leadline.embedded-database.active:false}") boolean localMode,
                        @Value("${leadline.texts.lease:2m}") Duration lease,
                        @Value("${leadline.texts.first-retry:30s}") Duration firstRetry,
                        @Value("${leadline.texts.max-retry:1h}") Duration maxRetry,
                        @Value("${leadline.texts.max-attempts:12}") int maxAttempts,
                        @Value("${leadline.texts.relay-after-commit:true}") boolean relayAfterCommit) {
        Optional<TextChannel> channel = Optional.ofNullable(adapters.getIfAvailable())
                .or(() -> localMode ? Optional.of(new DevTextChannel()) : Optional.empty());
        if (channel.isEmpty()) {
            log.warn("{}: replies stay queued in the text outbox until an SMS provider adapter is configured", TextRelay.NO_PROVIDER);
        }
        return new TextRelay(jdbc, transactions, tenancy, channel, clock,
                new OutboxRelay.Policy(lease, firstRetry, maxRetry, maxAttempts), relayAfterCommit);
    }
}
