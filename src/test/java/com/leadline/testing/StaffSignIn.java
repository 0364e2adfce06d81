package com.leadline.testing;

import com.leadline.platform.Totp;
import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signs the bootstrap support staff member in as a person would: password, then the code their
 * authenticator app shows (enrolling the key the page shows at the very first sign-in).
 */
public final class StaffSignIn {

    private StaffSignIn() {
    }

    public static WebSession.Page signIn(WebSession session, JdbcClient databaseOwner, TestClock clock) {
        session.get("/support/signin");
        WebSession.Page password = session.post("/support/signin",
                Map.of("email", IntegrationTest.STAFF_EMAIL, "password", IntegrationTest.STAFF_PASSWORD));
        if (password.status() != 302) {
            throw new AssertionError("staff password refused: " + password.status());
        }
        WebSession.Page codePage = session.get("/support/signin/code");
        return session.post("/support/signin/code", Map.of("code", currentCode(codePage.document().select("#totp-secret").text(),
                databaseOwner, clock)));
    }

    /**
     * The code for the key on the page (enrolment) or the enrolled key. The clock moves one step first:
     * a code works once, and several tests sign the same staff member in.
     */
    public static String currentCode(String keyOnPage, JdbcClient databaseOwner, TestClock clock) {
        byte[] secret = keyOnPage.isBlank()
                ? databaseOwner.sql("SELECT totp_secret FROM support_staff WHERE email = :e")
                        .param("e", IntegrationTest.STAFF_EMAIL).query(byte[].class).single()
                : base32Decode(keyOnPage);
        clock.advance(Duration.ofSeconds(30));
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    public static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.strip().toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return bytes.toByteArray();
    }
}
