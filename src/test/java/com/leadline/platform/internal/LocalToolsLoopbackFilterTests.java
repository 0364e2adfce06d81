package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which remote addresses count as this machine: loopback IP literals only, never a name to resolve. */
class LocalToolsLoopbackFilterTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void loopbackAddressesAreThisMachine(String address) {
        assertThat(LocalToolsLoopbackFilter.isLoopback(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "10.0.0.8", "192.168.1.20", "172.16.0.1", "0.0.0.0", "2001:db8::7",
            "fe80::1", "::ffff:203.0.113.7", "localhost", "127.0.0.1.example.com", "", "unknown"})
    void everythingElseIsAnotherHost(String address) {
        assertThat(LocalToolsLoopbackFilter.isLoopback(address)).isFalse();
    }
}
