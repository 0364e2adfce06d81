package com.leadline.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.identity.Passwords;
import com.leadline.platform.Totp;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import com.leadline.testing.WebSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Support staff sign in with a password and a one-time code; the key is enrolled at the first sign-in. */
class SupportSignInIntegrationTests extends IntegrationTest {

    private static final String PASSPHRASE = "meadow copper signal thistle";

    @Autowired
    private Passwords passwords;

    private String email;
    private UUID staffId;

    @BeforeEach
    void newStaffMember() {
        staffId = UUID.randomUUID();
        email = "staff-" + staffId.toString().substring(0, 8) + "@leadline.test";
        databaseOwner().sql("""
                        INSERT INTO support_staff (id, email, name, password_hash, created_at)
                        VALUES (:id, :e, 'New Staff', :h, :now)""")
                .param("id", staffId).param("e", email).param("h", passwords.hash(PASSPHRASE))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    @Test
    void theFirstSignInEnrolsTheAuthenticatorKeyAndOnlyTheRightCodeOpensTheConsole() {
        WebSession staff = visitor();
        WebSession.Page afterPassword = password(staff, PASSPHRASE);
        assertThat(afterPassword.location()).endsWith("/support/signin/code");
        assertThat(staff.get("/support").location()).as("a password alone opens nothing").endsWith("/support/signin");

        WebSession.Page enrol = staff.get("/support/signin/code");
        assertThat(enrol.heading()).isEqualTo("Enter your code");
        String key = enrol.document().select("#totp-secret").text();
        assertThat(key).hasSize(32);
        assertThat(enrol.body()).contains("otpauth://totp/Leadline%20support%3A" + email.replace("@", "%40"));

        WebSession.Page wrong = staff.post("/support/signin/code", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.document().select("#totp-secret").text()).as("the same key, still to enrol").isEqualTo(key);
        assertThat(secret()).isNull();

        byte[] enrolled = com.leadline.testing.StaffSignIn.base32Decode(key);
        WebSession.Page signedIn = staff.post("/support/signin/code", Map.of("code", Totp.code(enrolled, Totp.step(clock.instant()))));
        assertThat(signedIn.location()).endsWith("/support");
        assertThat(staff.get("/support").heading()).isEqualTo("Support");
        assertThat(secret()).isEqualTo(enrolled);
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE action = 'support.second_factor_enrolled' AND details ->> 'staff' = :s")
                .param("s", staffId.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCodeWorksOnceAndTheKeyIsNeverShownAgain() {
        WebSession first = visitor();
        password(first, PASSPHRASE);
        byte[] key = com.leadline.testing.StaffSignIn.base32Decode(first.get("/support/signin/code").document().select("#totp-secret").text());
        String code = Totp.code(key, Totp.step(clock.instant()));
        assertThat(first.post("/support/signin/code", Map.of("code", code)).location()).endsWith("/support");

        WebSession second = visitor();
        password(second, PASSPHRASE);
        WebSession.Page codePage = second.get("/support/signin/code");
        assertThat(codePage.document().select("#totp-secret")).as("enrolled: no key on the page").isEmpty();
        assertThat(second.post("/support/signin/code", Map.of("code", code)).status()).as("replayed code").isEqualTo(401);
        clock.advance(Duration.ofSeconds(30));
        assertThat(second.post("/support/signin/code", Map.of("code", Totp.code(key, Totp.step(clock.instant())))).location())
                .endsWith("/support");
    }

    @Test
    void theCodeStepExpiresAndAWrongPasswordNeverReachesIt() {
        WebSession staff = visitor();
        assertThat(password(staff, "not the passphrase at all").status()).isEqualTo(401);
        assertThat(staff.get("/support/signin/code").location()).endsWith("/support/signin");

        password(staff, PASSPHRASE);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(staff.get("/support/signin/code").location()).endsWith("/support/signin");
        assertThat(staff.post("/support/signin/code", Map.of("code", "123456")).location()).endsWith("/support/signin");
    }

    @Test
    void fiveWrongCodesFromAnyAddressLockTheAccountsCodeStepForFifteenMinutesWithAnAuditEntryAndAnEmail() {
        byte[] key = enrol();
        WebSession attacker = visitor();
        password(attacker, PASSPHRASE);
        for (int i = 1; i < 5; i++) {
            attacker.sendingHeader("X-Forwarded-For", "203.0.113." + i);
            assertThat(attacker.post("/support/signin/code", Map.of("code", wrongCode(key))).status()).as("wrong code %d", i).isEqualTo(401);
        }
        Instant lockedUntil = clock.instant().plus(Duration.ofMinutes(15));
        WebSession.Page fifth = attacker.post("/support/signin/code", Map.of("code", wrongCode(key)));
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(Long.parseLong(fifth.header("Retry-After").orElseThrow())).isEqualTo(900L);
        String lockMessage = fifth.document().select("[role=alert]").text();
        assertThat(lockMessage).contains("locked until", utc(lockedUntil));

        assertThat(databaseOwner().sql("""
                        SELECT ip FROM audit_log WHERE action = 'support.second_factor_locked' AND details ->> 'staff' = :s""")
                .param("s", staffId.toString()).query(String.class).list()).containsExactly("127.0.0.1");
        String mail = Smtp.body(Smtp.awaitMessages(email, 1).get(0));
        assertThat(mail).contains("5 wrong", "locked", utc(lockedUntil), "From the IP address: 127.0.0.1", "If it was not you");

        clock.advance(Duration.ofSeconds(30));
        WebSession.Page rightCodeWhileLocked = attacker.post("/support/signin/code", Map.of("code", Totp.code(key, Totp.step(clock.instant()))));
        WebSession.Page wrongCodeWhileLocked = attacker.post("/support/signin/code", Map.of("code", wrongCode(key)));
        assertThat(rightCodeWhileLocked.status()).isEqualTo(wrongCodeWhileLocked.status()).isEqualTo(429);
        assertThat(rightCodeWhileLocked.document().select("[role=alert]").text()).as("a right code is not told apart")
                .isEqualTo(wrongCodeWhileLocked.document().select("[role=alert]").text()).isEqualTo(lockMessage);
        assertThat(attacker.get("/support").location()).endsWith("/support/signin");
        WebSession owner = visitor();
        password(owner, PASSPHRASE);
        assertThat(owner.post("/support/signin/code", Map.of("code", Totp.code(key, Totp.step(clock.instant())))).status())
                .as("the lock is the account's, not the session's").isEqualTo(429);
        assertThat(Smtp.to(email)).as("one email per lock").hasSize(1);

        clock.advance(Duration.ofMinutes(15));
        WebSession later = visitor();
        password(later, PASSPHRASE);
        assertThat(later.post("/support/signin/code", Map.of("code", Totp.code(key, Totp.step(clock.instant())))).location())
                .endsWith("/support");
    }

    @Test
    void aRightCodeBeforeTheFifthWrongOneStartsTheCountAgain() {
        byte[] key = enrol();
        WebSession staff = visitor();
        password(staff, PASSPHRASE);
        for (int i = 1; i <= 4; i++) {
            assertThat(staff.post("/support/signin/code", Map.of("code", wrongCode(key))).status()).isEqualTo(401);
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(staff.post("/support/signin/code", Map.of("code", Totp.code(key, Totp.step(clock.instant())))).location())
                .endsWith("/support");

        clock.advance(Duration.ofMinutes(15)); // past the limit per IP, which is not what this is about
        WebSession again = visitor();
        password(again, PASSPHRASE);
        for (int i = 1; i <= 4; i++) {
            assertThat(again.post("/support/signin/code", Map.of("code", wrongCode(key))).status()).as("wrong code %d", i).isEqualTo(401);
        }
        assertThat(again.post("/support/signin/code", Map.of("code", wrongCode(key))).status()).isEqualTo(429);
        assertThat(databaseOwner().sql("""
                        SELECT count(*) FROM audit_log WHERE action = 'support.second_factor_locked' AND details ->> 'staff' = :s""")
                .param("s", staffId.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    /** Enrols the new staff member's key through the first sign-in and signs that session out of the way. */
    private byte[] enrol() {
        WebSession first = visitor();
        password(first, PASSPHRASE);
        byte[] key = com.leadline.testing.StaffSignIn.base32Decode(first.get("/support/signin/code").document().select("#totp-secret").text());
        assertThat(first.post("/support/signin/code", Map.of("code", Totp.code(key, Totp.step(clock.instant())))).location())
                .endsWith("/support");
        return key;
    }

    /** A six-digit code that none of the steps the server accepts now would give. */
    private String wrongCode(byte[] key) {
        long step = Totp.step(clock.instant());
        java.util.Set<String> valid = java.util.Set.of(Totp.code(key, step - 1), Totp.code(key, step), Totp.code(key, step + 1));
        for (int candidate = 0; ; candidate++) {
            String code = "%06d".formatted(candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    private static String utc(Instant instant) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(instant);
    }

    private WebSession.Page password(WebSession staff, String passphrase) {
        staff.get("/support/signin");
        return staff.post("/support/signin", Map.of("email", email, "password", passphrase));
    }

    private byte[] secret() {
        return databaseOwner().sql("SELECT totp_secret FROM support_staff WHERE id = :id").param("id", staffId)
                .query(byte[].class).optional().orElse(null);
    }
}
