package com.leadline.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.identity.Passwords;
import com.leadline.platform.Totp;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.WebSession;
import java.sql.Timestamp;
import java.time.Duration;
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

    private WebSession.Page password(WebSession staff, String passphrase) {
        staff.get("/support/signin");
        return staff.post("/support/signin", Map.of("email", email, "password", passphrase));
    }

    private byte[] secret() {
        return databaseOwner().sql("SELECT totp_secret FROM support_staff WHERE id = :id").param("id", staffId)
                .query(byte[].class).optional().orElse(null);
    }
}
