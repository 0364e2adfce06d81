package com.leadline.mail.internal;

import com.leadline.platform.OutboxRelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** SMTP when {@code spring.mail.host} is set; otherwise the local mailbox, allowed only with the embedded database. */
    @Bean
    MailTransport mailTransport(Environment environment, ObjectProvider<JavaMailSender> sender, JdbcClient jdbc,
                                Seal seal, Clock clock, @Value("${leadline.mail.from}") String from) {
        if (LocalMailboxMode.isLocal(environment)) {
            if (!environment.getProperty("leadline.embedded-database.active", Boolean.class, false)) {
                throw new IllegalStateException("No SMTP server is configured: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, "
                        + "SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD). The local mailbox exists only with the embedded database.");
            }
            return new LocalMailboxTransport(jdbc, seal, clock);
        }
        return new SmtpTransport(sender.getObject(), from);
    }

    @Bean
    MailRelay mailRelay(JdbcClient jdbc, TransactionTemplate transactions, MailTransport transport, Seal seal, Clock clock,
                        @Value("${leadline.mail.lease:2m}") Duration lease,
                        @Value("${leadline.mail.first-retry:30s}") Duration firstRetry,
                        @Value("${leadline.mail.max-retry:1h}") Duration maxRetry,
                        @Value("${leadline.mail.max-attempts:12}") int maxAttempts) {
        return new MailRelay(jdbc, transactions, transport, seal, clock,
                new OutboxRelay.Policy(lease, firstRetry, maxRetry, maxAttempts));
    }

    /**
     * The key that seals mail bodies: {@code leadline.mail.seal-key} (base64 of 32 bytes), or else a key
     * made once and kept in the data folder beside the embedded database.
     */
    @Bean
    Seal seal(@Value("${leadline.mail.seal-key:}") String configuredKey, @Value("${leadline.data-dir:./data}") String dataDir) {
        byte[] key = StringUtils.hasText(configuredKey)
                ? Base64.getDecoder().decode(configuredKey.trim())
                : keyFromDataFolder(Path.of(dataDir).resolve("mail-seal.key"));
        if (key.length != 32) {
            throw new IllegalStateException("leadline.mail.seal-key must be 32 bytes, base64-encoded");
        }
        return new Seal(new SecretKeySpec(key, "AES"));
    }

    private static byte[] keyFromDataFolder(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the mail seal key " + file, e);
        }
    }

    static final class LocalMailboxMode implements org.springframework.context.annotation.Condition {

        static boolean isLocal(Environment environment) {
            return !StringUtils.hasText(environment.getProperty("spring.mail.host"));
        }

        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return isLocal(context.getEnvironment());
        }
    }
}
