package com.leadline.integrations.internal.webhooks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** The system's resolver, unless another is given (the tests map names to addresses of their choice). */
    @Bean
    @ConditionalOnMissingBean
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    @Bean
    WebhookDestinations webhookDestinations(HostResolver resolver,
                                            @Value("${leadline.webhooks.allow-loopback:false}") boolean allowLoopback) {
        return new WebhookDestinations(resolver, allowLoopback);
    }
}
