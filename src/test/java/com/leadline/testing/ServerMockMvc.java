package com.leadline.testing;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc on a running test context, for what a real socket cannot show: requests from another host.
 * Built by hand rather than with {@code @AutoConfigureMockMvc}, which would start a second context.
 */
public final class ServerMockMvc {

    private ServerMockMvc() {
    }

    /** Every filter the server has (session, security, Leadline's own), in the server's order. */
    public static MockMvc withEveryFilter(WebApplicationContext application) {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(application);
        SpringBootMockMvcBuilderCustomizer filters = new SpringBootMockMvcBuilderCustomizer(application);
        filters.setPrint(MockMvcPrint.NONE);
        filters.customize(builder);
        return builder.build();
    }

    /** The client's address as the socket (or a trusted proxy) would give it; MockMvc's own is 127.0.0.1. */
    public static RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }
}
