package com.leadline.support.internal;

import com.leadline.platform.InvalidInputException;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Passwords;
import com.leadline.platform.CallerContext;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates a support staff account at start-up from {@code leadline.support.bootstrap.email},
 * {@code .name} and {@code .password} (environment: LEADLINE_SUPPORT_BOOTSTRAP_EMAIL, ...). There is
 * no default password: without those settings nobody can sign in to the console. An existing
 * account with that address is left as it is.
 */
@Component
class StaffBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

    private final StaffStore staff;
    private final Passwords passwords;
    private final Clock clock;
    private final String email;
    private final String name;
    private final String password;

    StaffBootstrap(StaffStore staff, Passwords passwords, Clock clock,
                   @Value("${leadline.support.bootstrap.email:}") String email,
                   @Value("${leadline.support.bootstrap.name:Leadline support}") String name,
                   @Value("${leadline.support.bootstrap.password:}") String password) {
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
        this.email = EmailAddresses.normalize(email);
        this.name = name;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!StringUtils.hasText(email) || !StringUtils.hasText(password)) {
            return;
        }
        try {
            passwords.check(password, email);
        } catch (InvalidInputException rejected) {
            throw new IllegalStateException("leadline.support.bootstrap.password is refused: " + rejected.fieldErrors().get("password")
                    + " Choose another one; nothing was created.", rejected);
        }
        CallerContext.runAsSystem("support staff bootstrap", () -> {
            if (staff.insertIfAbsent(UUID.randomUUID(), email, name, passwords.hash(password), clock.instant())) {
                log.info("Created the support staff account {}", email);
            }
        });
    }
}
