package com.leadline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Which X-Forwarded-* headers Tomcat believes, with Leadline's application.yml bound and customised
 * by Spring Boot exactly as at start-up: a bare Tomcat with one servlet that answers the client
 * address and scheme it sees, so this costs no application context.
 */
class TrustedProxiesTests {

    private static final Map<String, String> FORWARDED = Map.of("X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https");

    @Test
    void byDefaultNoProxyIsTrustedNotEvenOnLoopback() throws Exception {
        assertThat(seenThrough(new MapPropertySource("none", Map.of()))).isEqualTo("127.0.0.1 http");
    }

    @Test
    void aProxyNamedByRegularExpressionIsBelievedForTheClientAndTheScheme() throws Exception {
        assertThat(seenThrough(new MapPropertySource("properties", Map.of("server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.1"))))
                .isEqualTo("203.0.113.9 https secure");
    }

    @Test
    void aProxyNamedByRangeInTheEnvironmentIsBelievedAndAnotherAddressIsNot() throws Exception {
        assertThat(seenThrough(environment("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES", "10.0.0.0/8, 127.0.0.0/8")))
                .isEqualTo("203.0.113.9 https secure");
        assertThat(seenThrough(environment("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES", "10.0.0.0/8")))
                .isEqualTo("127.0.0.1 http");
    }

    /** Environment variables as Spring Boot reads them (its binder knows a source by this name). */
    private static PropertySource<?> environment(String name, String value) {
        return new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(name, value));
    }

    /** What the servlet sees of a request from 127.0.0.1 with forged forwarding headers, under application.yml plus these settings. */
    private static String seenThrough(PropertySource<?> settings) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(settings);
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        Binder binder = Binder.get(environment);
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new TomcatWebServerFactoryCustomizer(environment,
                binder.bindOrCreate("server", ServerProperties.class),
                binder.bindOrCreate("server.tomcat", TomcatServerProperties.class),
                binder.bindOrCreate("spring.web", WebProperties.class)).customize(factory);
        WebServer server = factory.getWebServer(context -> context.addServlet("echo", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write(request.getRemoteAddr() + " " + request.getScheme() + (request.isSecure() ? " secure" : ""));
            }
        }).addMapping("/"));
        server.start();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/"));
            FORWARDED.forEach(request::header);
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } finally {
            server.stop();
        }
    }
}
