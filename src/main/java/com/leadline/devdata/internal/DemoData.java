package com.leadline.devdata.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local demo data: {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--leadline.demo=true} fills the
 * embedded database with a demo dental practice (three profiles, a team, 60 conversations over the last
 * two weeks), once, through the use cases a person goes through ({@link DemoLoader}). Never on an
 * external database.
 */
@Component
@ConditionalOnProperty(name = {"leadline.demo", "leadline.embedded-database.active"}, havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoLoader loader;

    DemoData(DemoLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (loader.loadOnce()) {
            log.info("Demo data loaded: sign in as {} with the password '{}' (team members: <first name>@demo.leadline.local)",
                    DemoTeam.OWNER_EMAIL, DemoTeam.PASSWORD);
        } else {
            log.info("Demo data is already there: sign in as {}", DemoTeam.OWNER_EMAIL);
        }
    }
}
