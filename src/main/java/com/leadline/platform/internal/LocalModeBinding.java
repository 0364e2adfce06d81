package com.leadline.platform.internal;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Local mode (embedded database and no SMTP server, so the local mailbox shows every reset and
 * invitation link) listens on the loopback address only, unless {@code server.address} is set, and
 * lets webhooks go to http on loopback ({@code leadline.webhooks.allow-loopback}, a receiver on the
 * same machine), unless that is set.
 *
 * <p>The default is the environment's last property source, so any explicit {@code server.address}
 * wins, and it is judged when the web server reads it: by then every other source (test properties
 * included) is in place, and the embedded database has said whether it runs.
 */
public class LocalModeBinding implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String LOOPBACK = "127.0.0.1";
    /** Answers "true" only when the loopback address is this class's default, so the start-up line can say why. */
    static final String LOOPBACK_ONLY = "leadline.local-mode.loopback-only";
    static final String WEBHOOKS_TO_LOOPBACK = "leadline.webhooks.allow-loopback";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        environment.getPropertySources().addLast(new LocalModeDefaults(environment));
    }

    static boolean isLocalMode(Environment environment) {
        boolean embeddedDatabase = environment.getProperty("leadline.embedded-database.active", Boolean.class, false)
                || !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        return embeddedDatabase && !StringUtils.hasText(environment.getProperty("spring.mail.host"));
    }

    /** Not an Environment itself, nor wrapping one: Spring Boot would walk a wrapped environment's sources as its own. */
    private static final class LocalModeDefaults extends PropertySource<Object> {

        private final Environment environment;

        LocalModeDefaults(Environment environment) {
            super("leadlineLocalModeBinding");
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            if (!name.equals("server.address") && !name.equals(LOOPBACK_ONLY) && !name.equals(WEBHOOKS_TO_LOOPBACK)) {
                return null;
            }
            if (!isLocalMode(environment)) {
                return null;
            }
            if (name.equals(WEBHOOKS_TO_LOOPBACK)) {
                return "true";
            }
            if (name.equals("server.address")) {
                return LOOPBACK;
            }
            return Boolean.toString(LOOPBACK.equals(environment.getProperty("server.address")));
        }
    }
}
