package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordChangeIntegrationTests extends IntegrationTest {

    private static final String NEW_PASSWORD = "copper window thistle game";

    @Test
    void changingThePasswordInSettingsKeepsThisSessionAndEndsTheOthers() {
        String email = uniqueEmail("owner");
        WebSession here = visitor();
        here.signUp("Settings Studio", "Set Tings", email, PASSWORD);
        WebSession elsewhere = visitor();
        elsewhere.signIn(email, PASSWORD);

        here.get("/settings/me");
        Page wrongCurrent = here.post("/settings/me/password", Map.of("currentPassword", "not my password at all",
                "newPassword", NEW_PASSWORD));
        assertThat(wrongCurrent.status()).isEqualTo(422);
        assertThat(wrongCurrent.document().select("[role=alert]").text()).contains("current password is not correct");
        assertThat(elsewhere.isSignedIn()).as("nothing changed").isTrue();

        Page weak = here.post("/settings/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "password1234"));
        assertThat(weak.status()).isEqualTo(422);

        Page changed = here.post("/settings/me/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(changed.location()).endsWith("/settings/me?passwordChanged#password-heading");
        assertThat(here.isSignedIn()).isTrue();
        assertThat(elsewhere.isSignedIn()).isFalse();
        assertThat(visitor().signIn(email, PASSWORD).status()).isEqualTo(401);
        assertThat(visitor().signIn(email, NEW_PASSWORD).status()).isEqualTo(302);

        assertThat(databaseOwner().sql("""
                        SELECT outcome FROM audit_log a JOIN users u ON u.id = a.actor_user_id
                        WHERE u.email = :e AND a.action = 'password.changed' ORDER BY a.id""")
                .param("e", email).query(String.class).list()).containsExactly("failure", "success");
    }

    @Test
    void htmxRequestsMayCarryTheCsrfTokenInAHeader() {
        WebSession owner = visitor();
        owner.signUp("Header Haven", "Hea Der", uniqueEmail("owner"), PASSWORD);
        Page settings = owner.get("/settings/me");
        String header = settings.document().select("meta[name=csrf-header]").attr("content");
        String token = settings.document().select("meta[name=csrf-token]").attr("content");
        assertThat(header).isEqualTo("X-CSRF-TOKEN");
        Page signedOut = owner.send(java.net.http.HttpRequest.newBuilder(owner.uri("/signout"))
                .header(header, token).header("HX-Request", "true")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(owner.isSignedIn()).isFalse();
    }
}
