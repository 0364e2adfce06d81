package com.leadline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SignUpIntegrationTests extends IntegrationTest {

    @Test
    void signUpCreatesAccountOwnerProfileMembershipsBillingAndAuditInOneGo() {
        String email = uniqueEmail("owner");
        WebSession visitor = visitor();
        visitor.signUp("  Lakeside Auto  ", "Sam Okafor", "  " + email.toUpperCase() + " ", PASSWORD);
        assertThat(visitor.isSignedIn()).isTrue();

        JdbcClient db = databaseOwner();
        Map<String, Object> user = db.sql("SELECT id, account_id, name, status, password_hash FROM users WHERE email = :email")
                .param("email", email).query().singleRow();
        UUID userId = (UUID) user.get("id");
        UUID accountId = (UUID) user.get("account_id");
        assertThat(user.get("status")).isEqualTo("active");
        assertThat(user.get("name")).isEqualTo("Sam Okafor");
        assertThat((String) user.get("password_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(db.sql("SELECT name FROM accounts WHERE id = :a").param("a", accountId).query(String.class).single())
                .isEqualTo("Lakeside Auto");
        assertThat(db.sql("SELECT name || '|' || timezone FROM profiles WHERE account_id = :a").param("a", accountId)
                .query(String.class).list()).containsExactly("Lakeside Auto|Europe/Berlin");
        assertThat(db.sql("SELECT role FROM account_members WHERE account_id = :a AND user_id = :u")
                .param("a", accountId).param("u", userId).query(String.class).single()).isEqualTo("owner");
        assertThat(db.sql("SELECT count(*) FROM profile_memberships WHERE account_id = :a AND user_id = :u")
                .param("a", accountId).param("u", userId).query(Long.class).single()).isEqualTo(1L);
        assertThat(db.sql("SELECT owner_user_id FROM billing_accounts WHERE account_id = :a")
                .param("a", accountId).query(UUID.class).single()).isEqualTo(userId);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action = 'sign_up' AND actor_user_id = :u")
                .param("a", accountId).param("u", userId).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anAccountCannotHaveASecondOwner() {
        String email = uniqueEmail("owner");
        visitor().signUp("Single Owner Shop", "Uno Owner", email, PASSWORD);
        JdbcClient db = databaseOwner();
        UUID accountId = db.sql("SELECT account_id FROM users WHERE email = :e").param("e", email).query(UUID.class).single();
        UUID second = UUID.randomUUID();
        db.sql("INSERT INTO users (id, account_id, email, name, status, created_at) VALUES (:id, :a, :e, 'Second', 'active', now())")
                .param("id", second).param("a", accountId).param("e", uniqueEmail("second")).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.sql(
                        "INSERT INTO account_members (account_id, user_id, role, created_at) VALUES (:a, :u, 'owner', now())")
                        .param("a", accountId).param("u", second).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class)
                .hasMessageContaining("account_members_one_owner");
        db.sql("INSERT INTO account_members (account_id, user_id, role, created_at) VALUES (:a, :u, 'admin', now())")
                .param("a", accountId).param("u", second).update();
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndAnExplanationByEmailInsteadOfAnAccount() {
        String known = uniqueEmail("known");
        visitor().signUp("First Business", "Kim Known", known, PASSWORD);
        String second = "Second Business " + UUID.randomUUID();
        String third = "Third Business " + UUID.randomUUID();

        Page forKnown = visitor().signUp(second, "Someone Else", known, PASSWORD);
        Page forNew = visitor().signUp(third, "Nia New", uniqueEmail("new"), PASSWORD);

        assertThat(forKnown.status()).isEqualTo(forNew.status()).isEqualTo(302);
        assertThat(forKnown.location()).isEqualTo(forNew.location());
        assertThat(forKnown.body()).isEqualTo(forNew.body());
        assertThat(forKnown.response().headers().map().keySet()).isEqualTo(forNew.response().headers().map().keySet());
        assertThat(forKnown.header("Set-Cookie")).as("a fresh session id either way").isPresent();
        assertThat(accountsNamed(second)).isZero();
        assertThat(accountsNamed(third)).isEqualTo(1);

        var explanation = Smtp.awaitMessages(known, 1).get(0);
        assertThat(Smtp.subject(explanation)).isEqualTo("About your Leadline sign-up");
        assertThat(Smtp.body(explanation)).contains("already belongs to a Leadline user")
                .contains("http://leadline.test/password/forgot");
    }

    @Test
    void aDeactivatedUsersAddressCannotSignUpAndIsToldToContactSupport() {
        String email = uniqueEmail("gone");
        visitor().signUp("Old Business", "Dee Activated", email, PASSWORD);
        databaseOwner().sql("UPDATE users SET status = 'deactivated' WHERE email = :e").param("e", email).update();

        Page answer = visitor().signUp("New Business", "Dee Activated", email, PASSWORD);
        assertThat(answer.location()).endsWith("/welcome");
        assertThat(databaseOwner().sql("SELECT count(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(Smtp.body(Smtp.awaitMessages(email, 1).get(0))).contains("contact Leadline support");
    }

    @Test
    void invalidFieldsAreExplainedNextToTheFieldTheFormKeepsWhatWasTypedAndNothingIsCreated() {
        WebSession visitor = visitor();
        visitor.get("/signup");
        Page page = visitor.post("/signup", Map.of("businessName", "", "yourName", "Ivy", "email", "not-an-address",
                "password", "short"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.document().select(".error-summary li")).hasSize(3);
        assertThat(page.document().select("#yourName").attr("value")).isEqualTo("Ivy");
        assertThat(page.document().select("#email").attr("value")).isEqualTo("not-an-address");
        assertThat(page.document().select("#password").attr("value")).isEmpty();

        String ivy = uniqueEmail("ivy");
        Page oversized = visitor.post("/signup", Map.of("businessName", "B".repeat(201), "yourName", "Ivy",
                "email", ivy, "password", PASSWORD));
        assertThat(oversized.status()).isEqualTo(422);
        assertThat(databaseOwner().sql("SELECT count(*) FROM users WHERE email IN ('not-an-address', :ivy)").param("ivy", ivy)
                .query(Long.class).single()).isZero();
        assertThat(accountsNamed("B".repeat(201))).isZero();
    }

    @Test
    void someoneSignedInIsSentBackToTheirWorkAndNothingIsCreated() {
        WebSession owner = visitor();
        String ownerEmail = uniqueEmail("busy");
        owner.signUp("Busy Bakery", "Bea Busy", ownerEmail, PASSWORD);
        String business = "Second Bakery " + UUID.randomUUID();
        String other = uniqueEmail("other");

        assertThat(owner.get("/signup").location()).endsWith("/");
        owner.get("/team");
        Page again = owner.post("/signup", Map.of("businessName", business, "yourName", "Bea Busy", "email", other,
                "password", PASSWORD, "timezone", "Europe/Berlin"));
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).endsWith("/");
        assertThat(owner.post("/partners/signup", Map.of("businessName", business, "yourName", "Bea Busy", "email", other,
                "password", PASSWORD)).location()).endsWith("/");
        assertThat(accountsNamed(business)).isZero();
        assertThat(databaseOwner().sql("SELECT count(*) FROM users WHERE email = :e").param("e", other).query(Long.class).single())
                .isZero();
        assertThat(WebSession.json(owner.api("GET", "/api/v1/session", null)).get("email").asString())
                .as("still signed in as themselves").isEqualTo(ownerEmail);
    }

    private long accountsNamed(String name) {
        return databaseOwner().sql("SELECT count(*) FROM accounts WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Page page = visitor().postRaw("/signup", Map.of("businessName", "Forged", "yourName", "Eve",
                "email", uniqueEmail("eve"), "password", PASSWORD));
        assertThat(page.status()).isEqualTo(403);
    }
}
