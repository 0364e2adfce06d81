package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Who counts as this machine: a loopback IP literal as the remote address (never a name to resolve),
 * a Host naming this machine or the configured base URL (DNS rebinding sends the attacker's name),
 * and no forwarding header (a tunnel or proxy on this machine makes every visitor loopback).
 */
class LocalToolsLoopbackFilterTests {

    private final LocalToolsLoopbackFilter filter = new LocalToolsLoopbackFilter("https://leadline.test:8443");

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

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "LocalHost:8080", "127.0.0.1", "127.0.0.1:8080", "[::1]",
            "[::1]:8080", "leadline.test", "leadline.test:8443", "LEADLINE.TEST:9000"})
    void aHostNamingThisMachineOrTheBaseUrlIsServed(String host) throws Exception {
        assertThat(answer(request("127.0.0.1", host))).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:8080", "evil.example", "localhost.evil.example", "localhost.", "127.0.0.2:8080",
            "[::2]:8080", "0.0.0.0:8080", "192.168.1.20:8080", "leadline.test.evil.example", "abc.ngrok-free.app", ""})
    void aForeignHostFromLoopbackIs404(String host) throws Exception {
        assertThat(answer(request("127.0.0.1", host))).as("Host: %s", host).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host"})
    void aForwardingHeaderFromLoopbackIs404(String header) throws Exception {
        MockHttpServletRequest forwarded = request("127.0.0.1", "localhost:8080");
        forwarded.addHeader(header, header.equals("Forwarded") ? "for=198.51.100.7" : "198.51.100.7");
        assertThat(answer(forwarded)).isEqualTo(404);
    }

    @Test
    void anotherAddressWithALocalHostIs404() throws Exception {
        assertThat(answer(request("203.0.113.7", "localhost:8080"))).isEqualTo(404);
    }

    private MockHttpServletRequest request(String remoteAddress, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dev/mailbox");
        request.setRemoteAddr(remoteAddress);
        request.addHeader("Host", host);
        return request;
    }

    /** 200 when the request went on to the page, otherwise the status the filter answered. */
    private int answer(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest() != null).as("passed on").isEqualTo(response.getStatus() == 200);
        return response.getStatus();
    }
}
