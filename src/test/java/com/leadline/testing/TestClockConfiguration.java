package com.leadline.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** Names mapped to the addresses a test chooses (webhooks' outbound checks); see TestHostResolver. */
    @Bean
    @Primary
    TestHostResolver testHostResolver() {
        return new TestHostResolver();
    }
}
