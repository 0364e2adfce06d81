package com.leadline.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    @Value("${leadline.base-url}")
    private String baseUrl;
    @Value("${" + LocalModeBinding.LOOPBACK_ONLY + ":false}")
    private boolean loopbackOnly;

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info(line(web.getWebServer().getPort()));
        }
    }

    String line(int port) {
        String ready = "Leadline is ready at http://localhost:" + port + "/ (links in emails use " + baseUrl + ")";
        if (!loopbackOnly) {
            return ready;
        }
        return ready + "; local mode listens on " + LocalModeBinding.LOOPBACK + " (loopback) only: set SERVER_ADDRESS "
                + "(for example 0.0.0.0) to listen elsewhere";
    }
}
