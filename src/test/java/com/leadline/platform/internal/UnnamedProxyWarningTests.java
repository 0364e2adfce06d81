package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@ExtendWith(OutputCaptureExtension.class)
class UnnamedProxyWarningTests {

    private static final String WARNING = "carried X-Forwarded-For, which Leadline ignores";

    @Test
    void withNoProxyNamedTheFirstForwardedRequestIsReportedOnceAndStillServed(CapturedOutput output) throws Exception {
        UnnamedProxyWarning warning = new UnnamedProxyWarning("");
        MockFilterChain plainChain = new MockFilterChain();
        warning.doFilter(request(null), new MockHttpServletResponse(), plainChain);
        assertThat(output).doesNotContain(WARNING);
        assertThat(plainChain.getRequest()).isNotNull();

        MockFilterChain chain = new MockFilterChain();
        warning.doFilter(request("198.51.100.7"), new MockHttpServletResponse(), chain);
        warning.doFilter(request("198.51.100.8"), new MockHttpServletResponse(), new MockFilterChain());
        assertThat(chain.getRequest()).as("served as usual").isNotNull();
        assertThat(output.getOut().split(WARNING, -1)).as("said once").hasSize(2);
        assertThat(output).contains("A request from 10.1.2.3 " + WARNING, "SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES");
    }

    @Test
    void withAProxyNamedNothingIsSaid(CapturedOutput output) throws Exception {
        new UnnamedProxyWarning("10\\.1\\.2\\.3").doFilter(request("198.51.100.7"), new MockHttpServletResponse(),
                new MockFilterChain());
        assertThat(output).doesNotContain(WARNING);
    }

    private static MockHttpServletRequest request(String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/signin");
        request.setRemoteAddr("10.1.2.3");
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
