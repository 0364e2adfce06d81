package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The newcomer's whole path over real HTTP: sign up, sign out, sign in, forget the password, reset it by email. */
class PasswordResetFlowIntegrationTests extends IntegrationTest {

    private static final String NEW_PASSWORD = "granite meadow bicycle tune";

    @Test
    void signUpSignOutSignInThenResetByEmailEndsTheOtherSessions() {
        String email = uniqueEmail("owner");
        WebSession owner = visitor();
        Page signedUp = owner.signUp("Harbor Dental", "Mia Hartley", email, PASSWORD);
        assertThat(signedUp.status()).isEqualTo(302);
        assertThat(signedUp.location()).endsWith("/welcome");
        assertThat(owner.isSignedIn()).isTrue();

        assertThat(owner.signOut().location()).endsWith("/signin?signedOut");
        assertThat(owner.isSignedIn()).isFalse();

        assertThat(owner.signIn(email, PASSWORD).location()).endsWith("/");
        assertThat(owner.isSignedIn()).isTrue();
        WebSession otherDevice = visitor();
        otherDevice.signIn(email, PASSWORD);
        assertThat(otherDevice.isSignedIn()).isTrue();

        WebSession forgetful = visitor();
        assertThat(forgetful.requestPasswordReset(email).location()).endsWith("/password/forgot/sent");
        MimeMessage mail = Smtp.awaitMessages(email, 1).get(0);
        String link = Smtp.link(mail, "http://leadline.test/password/reset?token=");

        Page form = forgetful.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.heading()).isEqualTo("Choose a new password");
        Page reset = forgetful.post("/password/reset", Map.of("token", tokenOf(link), "password", NEW_PASSWORD));
        assertThat(reset.location()).endsWith("/signin?passwordReset");

        assertThat(owner.isSignedIn()).as("session from before the reset").isFalse();
        assertThat(otherDevice.isSignedIn()).as("session on another device").isFalse();
        assertThat(visitor().signIn(email, PASSWORD).status()).as("old password").isEqualTo(401);
        WebSession again = visitor();
        assertThat(again.signIn(email, NEW_PASSWORD).status()).as("new password").isEqualTo(302);
        assertThat(again.isSignedIn()).isTrue();

        Page reused = visitor().get(link);
        assertThat(reused.status()).as("a used link").isEqualTo(410);
        assertThat(reused.heading()).isEqualTo("This link can't be used");
    }

    @Test
    void aNewerRequestVoidsOlderLinks() {
        String email = uniqueEmail("owner");
        visitor().signUp("Cedar Bakery", "Ola Berg", email, PASSWORD);
        WebSession visitor = visitor();
        visitor.requestPasswordReset(email);
        String first = Smtp.link(Smtp.awaitMessages(email, 1).get(0), "http://leadline.test/password/reset?token=");
        visitor.requestPasswordReset(email);
        List<MimeMessage> both = Smtp.awaitMessages(email, 2);
        String second = Smtp.link(both.get(1), "http://leadline.test/password/reset?token=");

        assertThat(visitor.get(first).status()).isEqualTo(410);
        assertThat(visitor.post("/password/reset", Map.of("token", tokenOf(first), "password", NEW_PASSWORD)).status())
                .isEqualTo(410);
        assertThat(visitor.get(second).status()).isEqualTo(200);
    }

    @Test
    void aLinkWorksForThirtyMinutesAndNotASecondMore() {
        String email = uniqueEmail("owner");
        visitor().signUp("Maple Garage", "Tom Reyes", email, PASSWORD);
        WebSession visitor = visitor();
        visitor.requestPasswordReset(email);
        String link = Smtp.link(Smtp.awaitMessages(email, 1).get(0), "http://leadline.test/password/reset?token=");

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(visitor.get(link).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(visitor.get(link).status()).isEqualTo(410);
        assertThat(visitor.post("/password/reset", Map.of("token", tokenOf(link), "password", NEW_PASSWORD)).status())
                .isEqualTo(410);
        assertThat(visitor().signIn(email, PASSWORD).status()).as("password unchanged").isEqualTo(302);
    }

    @Test
    void tamperedMalformedAndEmptyTokensGetTheInvalidLinkPageAndChangeNothing() {
        String email = uniqueEmail("owner");
        visitor().signUp("Birch Florist", "Ana Costa", email, PASSWORD);
        WebSession visitor = visitor();
        visitor.requestPasswordReset(email);
        String token = tokenOf(Smtp.link(Smtp.awaitMessages(email, 1).get(0), "http://leadline.test/password/reset?token="));
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        for (String bad : List.of(tampered, "", "short", token + "x", "../../etc/passwd", "x".repeat(5000))) {
            assertThat(visitor.get("/password/reset?token=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8)).status())
                    .as("GET with %s", bad.length() > 50 ? bad.substring(0, 50) : bad).isEqualTo(410);
            assertThat(visitor.post("/password/reset", Map.of("token", bad, "password", NEW_PASSWORD)).status()).isEqualTo(410);
        }
        assertThat(visitor().signIn(email, PASSWORD).status()).as("password unchanged").isEqualTo(302);
        assertThat(visitor.get("/password/reset?token=" + token).status()).as("the real link still works").isEqualTo(200);
    }

    @Test
    void aRejectedNewPasswordKeepsTheLinkUsable() {
        String email = uniqueEmail("owner");
        visitor().signUp("Aspen Yoga", "Lea Moss", email, PASSWORD);
        WebSession visitor = visitor();
        visitor.requestPasswordReset(email);
        String token = tokenOf(Smtp.link(Smtp.awaitMessages(email, 1).get(0), "http://leadline.test/password/reset?token="));
        visitor.get("/password/reset?token=" + token);

        Page tooShort = visitor.post("/password/reset", Map.of("token", token, "password", "short pass1"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.document().select(".field-error").text()).contains("at least 12 characters");
        assertThat(visitor.post("/password/reset", Map.of("token", token, "password", NEW_PASSWORD)).status()).isEqualTo(302);
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
