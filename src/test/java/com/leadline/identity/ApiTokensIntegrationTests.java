package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.BearerClient;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.StaffSignIn;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Personal API tokens (PERMISSIONS.md row 32) over real HTTP: made on the settings page or through the
 * API, shown once and stored as a hash; a token's call needs no session and no CSRF token and acts with
 * exactly its user's rights at that moment; revoked, expired, deactivated and malformed ones get 401.
 */
class ApiTokensIntegrationTests extends IntegrationTest {

    private static final String TOKEN_SHAPE = "ll_pat_[A-Za-z0-9_-]{43}";

    @Test
    void aTokenMadeOnTheSettingsPageIsShownOnceAndOnlyItsHashIsKept() throws Exception {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Token Bakery");
        WebSession owner = account.owner().session();
        assertThat(owner.get("/settings/me").document().select("#api-tokens-heading").text()).isEqualTo("API tokens");

        WebSession.Page made = owner.post("/settings/me/tokens", Map.of("name", "Spreadsheet sync", "expiresInDays", "30"));
        assertThat(made.status()).isEqualTo(200);
        String token = made.document().select("#new-token-text").attr("value");
        assertThat(token).matches(TOKEN_SHAPE);
        assertThat(made.header("Cache-Control").orElse("")).contains("no-store");
        assertThat(made.document().select("table.tokens tbody tr")).hasSize(1);
        assertThat(made.document().select("table.tokens tbody tr td").get(1).text()).isEqualTo(token.substring(0, 11) + "…");

        WebSession.Page again = owner.get("/settings/me");
        assertThat(again.body()).as("shown once").doesNotContain(token);
        assertThat(again.document().select("table.tokens tbody tr td").eachText())
                .contains("Spreadsheet sync", "Never", "Active");

        JdbcClient admin = databaseOwner();
        Map<String, Object> row = admin.sql("SELECT token_hash, hint, expires_at, created_at FROM api_tokens WHERE account_id = :a")
                .param("a", account.id()).query().singleRow();
        assertThat((byte[]) row.get("token_hash")).isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(((Timestamp) row.get("expires_at")).toInstant())
                .isEqualTo(((Timestamp) row.get("created_at")).toInstant().plus(Duration.ofDays(30)));
        List<String> tables = admin.sql("""
                        SELECT quote_ident(table_name) FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")
                .query(String.class).list();
        String secret = token.substring("ll_pat_".length());
        for (String table : tables) {
            assertThat(admin.sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, :token) > 0").param("token", secret)
                    .query(Long.class).single()).as("rows of %s holding the token's text", table).isZero();
        }
        assertThat(admin.sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action = 'api_token.created'")
                .param("a", account.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(BearerClient.withToken(port, token).get("/api/v1/profiles").status()).isEqualTo(200);
    }

    @Test
    void aBearerCallNeedsNoSessionAndNoCsrfTokenAndMakesNoSession() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Bearer Bikes");
        JsonNode made = madeThroughTheApi(account.owner().session(), Map.of("name", "CRM", "expiresInDays", 90));
        String token = made.get("token").asString();
        assertThat(token).matches(TOKEN_SHAPE);
        assertThat(made.get("account").get("id").asString()).isEqualTo(account.id().toString());
        BearerClient tool = BearerClient.withToken(port, token);
        long sessionsBefore = sessionRowsOf(account.owner().id());

        WebSession.Page list = tool.get("/api/v1/conversations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Set-Cookie")).as("no session is made for a token").isEmpty();
        JsonNode me = WebSession.json(tool.get("/api/v1/session"));
        assertThat(me.get("userId").asString()).isEqualTo(account.owner().id().toString());
        assertThat(me.get("accountId").asString()).isEqualTo(account.id().toString());
        assertThat(me.hasNonNull("csrfToken")).as("a token's calls need none").isFalse();

        WebSession.Page created = tool.call("POST", "/api/v1/shortcuts", Map.of("name", "hours", "body", "We open at nine."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Set-Cookie")).isEmpty();
        assertThat(databaseOwner().sql("SELECT count(*) FROM shortcuts WHERE account_id = :a AND name = 'hours'")
                .param("a", account.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(sessionRowsOf(account.owner().id())).as("no session made for the token's calls").isEqualTo(sessionsBefore);
    }

    private long sessionRowsOf(UUID user) {
        return databaseOwner().sql("SELECT count(*) FROM spring_session WHERE principal_name = :u").param("u", user.toString())
                .query(Long.class).single();
    }

    @Test
    void tokensAreForTheApiOnlyAndCannotMakeListOrRevokeTokens() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Scoped Saddlery");
        JsonNode made = madeThroughTheApi(account.owner().session(), Map.of("name", "Zap", "expiresInDays", 7));
        BearerClient tool = BearerClient.withToken(port, made.get("token").asString());

        WebSession.Page page = tool.page("/inbox");
        assertThat(page.status()).as("a token is no sign-in for pages").isEqualTo(302);
        assertThat(page.location()).endsWith("/signin");
        for (String[] call : List.of(new String[] {"GET", "/api/v1/tokens"}, new String[] {"POST", "/api/v1/tokens"},
                new String[] {"DELETE", "/api/v1/tokens/" + made.get("id").asString()})) {
            WebSession.Page answer = tool.call(call[0], call[1], call[0].equals("POST") ? Map.of("name", "Renewed", "expiresInDays", 365) : null);
            assertThat(answer.status()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(answer.header("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(WebSession.json(answer).get("detail").asString()).contains("while signed in");
        }
        assertThat(databaseOwner().sql("SELECT count(*) || ' ' || count(revoked_at) FROM api_tokens WHERE account_id = :a")
                .param("a", account.id()).query(String.class).single()).isEqualTo("1 0");
    }

    @Test
    void lastUseIsShownAndNotedAtMostOnceAMinute() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Ledger Lamps");
        WebSession owner = account.owner().session();
        BearerClient tool = BearerClient.withToken(port, madeThroughTheApi(owner, Map.of("name", "Books", "expiresInDays", 30))
                .get("token").asString());
        assertThat(onlyToken(owner).hasNonNull("lastUsedAt")).isFalse();

        Instant firstUse = clock.instant();
        assertThat(tool.get("/api/v1/profiles").status()).isEqualTo(200);
        assertThat(Instant.parse(onlyToken(owner).get("lastUsedAt").asString())).isEqualTo(firstUse);
        clock.advance(Duration.ofSeconds(59));
        assertThat(tool.get("/api/v1/profiles").status()).isEqualTo(200);
        assertThat(Instant.parse(onlyToken(owner).get("lastUsedAt").asString())).as("not written again within the minute").isEqualTo(firstUse);
        clock.advance(Duration.ofSeconds(2));
        assertThat(tool.get("/api/v1/profiles").status()).isEqualTo(200);
        assertThat(Instant.parse(onlyToken(owner).get("lastUsedAt").asString())).isEqualTo(clock.instant());
        assertThat(owner.get("/settings/me").document().select("table.tokens tbody tr td").get(4).text()).endsWith(" UTC");
    }

    @Test
    void aRevokedTokenIsRefusedFromItsVeryNextRequest() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Revoked Rugs");
        WebSession owner = account.owner().session();
        JsonNode viaApi = madeThroughTheApi(owner, Map.of("name", "Old CRM", "expiresInDays", 30));
        BearerClient apiTool = BearerClient.withToken(port, viaApi.get("token").asString());
        owner.get("/settings/me");
        String pageToken = owner.post("/settings/me/tokens", Map.of("name", "Old sheet", "expiresInDays", "30"))
                .document().select("#new-token-text").attr("value");
        BearerClient pageTool = BearerClient.withToken(port, pageToken);
        assertThat(apiTool.get("/api/v1/profiles").status()).isEqualTo(200);
        assertThat(pageTool.get("/api/v1/profiles").status()).isEqualTo(200);

        assertThat(owner.api("DELETE", "/api/v1/tokens/" + viaApi.get("id").asString(), null).status()).isEqualTo(204);
        assertRefusedAsInvalid(apiTool.get("/api/v1/profiles"));
        assertThat(pageTool.get("/api/v1/profiles").status()).as("the other token still works").isEqualTo(200);

        String pageTokenId = databaseOwner().sql("SELECT id FROM api_tokens WHERE account_id = :a AND name = 'Old sheet'")
                .param("a", account.id()).query(UUID.class).single().toString();
        WebSession.Page settings = owner.get("/settings/me");
        assertThat(settings.document().select("tr[data-token-id=" + pageTokenId + "] summary").text()).isEqualTo("Revoke");
        WebSession.Page revoked = owner.post("/settings/me/tokens/" + pageTokenId + "/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(revoked.location()).contains("/settings/me?tokenRevoked");
        assertRefusedAsInvalid(pageTool.get("/api/v1/profiles"));
        assertThat(owner.get("/settings/me").document().select("tr[data-token-id=" + pageTokenId + "] td").eachText()).contains("Revoked");
        assertThat(owner.api("DELETE", "/api/v1/tokens/" + viaApi.get("id").asString(), null).status())
                .as("revoking again changes nothing").isEqualTo(204);
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action = 'api_token.revoked'")
                .param("a", account.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsRefused() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Expiry Express");
        BearerClient tool = BearerClient.withToken(port, madeThroughTheApi(account.owner().session(),
                Map.of("name", "Week", "expiresInDays", 7)).get("token").asString());
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(tool.get("/api/v1/profiles").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertRefusedAsInvalid(tool.get("/api/v1/profiles"));
    }

    @Test
    void malformedUnknownAndMisspelledTokensGet401AndChangeNothing() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Garbage Gates");
        String real = madeThroughTheApi(account.owner().session(), Map.of("name", "Real", "expiresInDays", 7)).get("token").asString();
        List<String> headers = List.of("Bearer ", "Bearer nonsense", "Bearer ll_pat_short", "Bearer ll_pat_" + "A".repeat(43),
                "Bearer " + real.substring(7), "Bearer " + real + "x", "Bearer " + real.substring(0, real.length() - 1) + "!",
                "bearer ll_pat_" + "B".repeat(43), "Bearer", "Bearer  ll_pat_" + "D".repeat(42) + " x");
        for (String header : headers) {
            BearerClient tool = BearerClient.withHeader(port, header);
            assertRefusedAsInvalid(tool.get("/api/v1/conversations"));
            assertRefusedAsInvalid(tool.call("POST", "/api/v1/shortcuts", Map.of("name", "bad", "body", "Nope")));
            jdbc.sql("DELETE FROM rate_limit_windows").update();
        }
        assertThat(databaseOwner().sql("SELECT count(*) FROM shortcuts WHERE account_id = :a").param("a", account.id())
                .query(Long.class).single()).isZero();
        assertThat(BearerClient.withHeader(port, "bearer " + real).get("/api/v1/profiles").status())
                .as("the scheme's name in any case").isEqualTo(200);
    }

    @Test
    void beyondTwentyBadTokensAMinuteAClientGets429() {
        for (int i = 0; i < 20; i++) {
            assertThat(BearerClient.withToken(port, "ll_pat_" + "C".repeat(43)).get("/api/v1/profiles").status()).isEqualTo(401);
        }
        WebSession.Page refused = BearerClient.withToken(port, "ll_pat_" + "C".repeat(43)).get("/api/v1/profiles");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(refused.header("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void aDeactivatedUsersTokenIsRefusedAtOnceAndStaysRevoked() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Deactivation Deli");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        BearerClient tool = BearerClient.withToken(port, madeThroughTheApi(member.session(), Map.of("name", "Mine", "expiresInDays", 30))
                .get("token").asString());
        assertThat(tool.get("/api/v1/conversations").status()).isEqualTo(200);

        assertThat(account.owner().session().api("POST", "/api/v1/team/members/" + member.id() + "/deactivation", null).status())
                .isEqualTo(204);
        assertRefusedAsInvalid(tool.get("/api/v1/conversations"));
        assertThat(databaseOwner().sql("SELECT count(revoked_at) FROM api_tokens WHERE user_id = :u").param("u", member.id())
                .query(Long.class).single()).as("revoked with the deactivation").isEqualTo(1);
        databaseOwner().sql("UPDATE users SET status = 'active' WHERE id = :u").param("u", member.id()).update();
        assertRefusedAsInvalid(tool.get("/api/v1/conversations"));
    }

    /** Rows 25-27 through a token: a team member's token sees the Unassigned ones and their own, never a colleague's. */
    @Test
    void aTeamMembersTokenSeesExactlyWhatTheMemberSees() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Visible Vans");
        UUID otherProfile = fixture.addProfile(account, "Visible Vans North");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member colleague = fixture.join(account.owner(), "member", account.firstProfileId());
        UUID unassigned = conversation(account.id(), account.firstProfileId(), null);
        UUID own = conversation(account.id(), account.firstProfileId(), member.id());
        UUID colleagues = conversation(account.id(), account.firstProfileId(), colleague.id());
        UUID elsewhere = conversation(account.id(), otherProfile, null);
        BearerClient tool = BearerClient.withToken(port, madeThroughTheApi(member.session(), Map.of("name", "Mine", "expiresInDays", 30))
                .get("token").asString());

        assertThat(listed(tool.get("/api/v1/conversations?tab=all"))).containsExactlyInAnyOrder(unassigned, own)
                .isEqualTo(listed(member.session().api("GET", "/api/v1/conversations?tab=all", null)));
        assertThat(tool.get("/api/v1/conversations/" + unassigned).status()).isEqualTo(200);
        assertThat(tool.get("/api/v1/conversations/" + own).status()).isEqualTo(200);
        assertThat(tool.get("/api/v1/conversations/" + colleagues).status()).isEqualTo(404);
        assertThat(tool.get("/api/v1/conversations/" + elsewhere).status()).isEqualTo(404);
        assertThat(tool.call("POST", "/api/v1/conversations/" + colleagues + "/notes", Map.of("body", "Mine now")).status()).isEqualTo(404);

        // A lost membership narrows the very next request: out of the first profile, the member sees none of it.
        databaseOwner().sql("DELETE FROM profile_memberships WHERE user_id = :u").param("u", member.id()).update();
        databaseOwner().sql("INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at) VALUES (:a, :p, :u, now())")
                .param("a", account.id()).param("p", otherProfile).param("u", member.id()).update();
        assertThat(listed(tool.get("/api/v1/conversations?tab=all"))).containsExactly(elsewhere);
        assertThat(tool.get("/api/v1/conversations/" + unassigned).status()).isEqualTo(404);
    }

    @Test
    void aLostRoleNarrowsTheTokenOnItsNextRequest() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Demoted Diner");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        TeamFixture.Member someone = fixture.join(account.owner(), "member", account.firstProfileId());
        BearerClient tool = BearerClient.withToken(port, madeThroughTheApi(admin.session(), Map.of("name", "Admin", "expiresInDays", 30))
                .get("token").asString());
        assertThat(tool.get("/api/v1/team/members/" + someone.id() + "/deactivation").status()).isEqualTo(200);

        Map<String, Object> demotion = Map.of("name", "Demoted Admin", "email", admin.email(), "role", "member",
                "profileIds", List.of(account.firstProfileId().toString()));
        assertThat(account.owner().session().api("PUT", "/api/v1/team/members/" + admin.id(), demotion).status()).isEqualTo(204);
        assertThat(tool.get("/api/v1/team/members/" + someone.id() + "/deactivation").status()).isEqualTo(403);
        assertThat(tool.call("POST", "/api/v1/team/members/" + someone.id() + "/deactivation", Map.of()).status()).isEqualTo(403);
        assertThat(WebSession.json(tool.get("/api/v1/session")).get("name").asString()).as("the current name too").isEqualTo("Demoted Admin");
    }

    @Test
    void aPartnersTokenWorksInTheOneClientAccountItWasMadeForUntilTheAgencysAccessEnds() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account client = fixture.openAccount("Client Cafe");
        TeamFixture.Account otherClient = fixture.openAccount("Other Client Cobbler");
        WebSession partner = fixture.partnerWorkingIn(client.id(), "admin");
        UUID partnerId = UUID.fromString(WebSession.json(partner.api("GET", "/api/v1/session", null)).get("userId").asString());
        UUID agency = databaseOwner().sql("SELECT account_id FROM users WHERE id = :u").param("u", partnerId).query(UUID.class).single();
        databaseOwner().sql("""
                        INSERT INTO partner_grants (client_account_id, agency_account_id, level, granted_at)
                        VALUES (:client, :agency, 'admin', now())""")
                .param("client", otherClient.id()).param("agency", agency).update();
        UUID otherConversation = conversation(otherClient.id(), otherClient.firstProfileId(), null);

        JsonNode choices = WebSession.json(partner.api("GET", "/api/v1/tokens", null)).get("accounts");
        Set<String> offered = new TreeSet<>();
        choices.forEach(choice -> offered.add(choice.get("id").asString()));
        assertThat(offered).as("the agency's clients, not the agency").containsExactlyInAnyOrder(client.id().toString(), otherClient.id().toString());
        long before = tokenCount();
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("name", "Agency", "expiresInDays", 30, "accountId", agency.toString()),
                Map.<String, Object>of("name", "Stranger", "expiresInDays", 30, "accountId", fixture.openAccount("Stranger Shop").id().toString()))) {
            WebSession.Page refused = partner.api("POST", "/api/v1/tokens", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(422);
            assertThat(WebSession.json(refused).get("errors").has("accountId")).isTrue();
        }
        assertThat(tokenCount()).isEqualTo(before);

        assertThat(madeThroughTheApi(partner, Map.of("name", "Other CRM", "expiresInDays", 7, "accountId", otherClient.id().toString()))
                .get("account").get("name").asString()).isEqualTo("Other Client Cobbler");
        JsonNode made = madeThroughTheApi(partner, Map.of("name", "Agency CRM", "expiresInDays", 90));
        assertThat(made.get("account").get("name").asString()).as("the client the partner works in now").isEqualTo("Client Cafe");
        BearerClient tool = BearerClient.withToken(port, made.get("token").asString());
        assertThat(WebSession.json(tool.get("/api/v1/session")).get("accountId").asString()).isEqualTo(client.id().toString());
        assertThat(tool.get("/api/v1/conversations").status()).isEqualTo(200);
        assertThat(tool.get("/api/v1/conversations/" + otherConversation).status()).as("another client's").isEqualTo(404);
        assertThat(tool.get("/api/v1/partners/clients").status()).as("the agency's console is not the token's").isEqualTo(404);

        WebSession staff = visitor();
        StaffSignIn.signIn(staff, databaseOwner(), clock);
        staff.get("/support");
        assertThat(staff.post("/support/partner-access/end", Map.of("client", client.id().toString(), "agency", agency.toString(),
                "reason", "The client asked.")).status()).isEqualTo(302);
        WebSession.Page ended = tool.get("/api/v1/conversations");
        assertRefusedAsInvalid(ended);
        assertThat(WebSession.json(ended).get("detail").asString()).contains("no longer open");
    }

    /** On the settings page a partner picks the client account (the one they work in comes first chosen); a read-only one too. */
    @Test
    void aPartnerChoosesTheClientAccountOnTheSettingsPage() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account client = fixture.openAccount("Page Client Pottery");
        WebSession partner = fixture.partnerWorkingIn(client.id(), "read_only");
        org.jsoup.nodes.Document page = partner.get("/settings/me").document();
        assertThat(page.select("#token-account option").eachText()).containsExactly("Page Client Pottery");
        assertThat(page.select("#token-account option[selected]").attr("value")).isEqualTo(client.id().toString());

        WebSession.Page refused = partner.post("/settings/me/tokens", Map.of("name", "Elsewhere", "expiresInDays", "7",
                "accountId", UUID.randomUUID().toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#token-account-error").text()).isEqualTo("Choose one of the accounts you work in.");
        WebSession.Page made = partner.post("/settings/me/tokens", Map.of("name", "Reporting", "expiresInDays", "7",
                "accountId", client.id().toString()));
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.document().select(".new-token").text()).contains("Works in Page Client Pottery until");
        BearerClient tool = BearerClient.withToken(port, made.document().select("#new-token-text").attr("value"));
        assertThat(tool.get("/api/v1/conversations").status()).isEqualTo(200);
        assertThat(tool.call("POST", "/api/v1/shortcuts", Map.of("name", "nope", "body", "Read only")).status())
                .as("a read-only partner's token changes nothing either").isEqualTo(403);
    }

    @Test
    void badInputIsRefusedByNameAndMakesNoToken() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Careful Carpets");
        WebSession owner = account.owner().session();
        long before = tokenCount();
        List<String> answers = new ArrayList<>();
        for (Object body : List.of(Map.of("name", "", "expiresInDays", 30), Map.of("name", "x".repeat(81), "expiresInDays", 30),
                Map.of("name", "Two\nlines", "expiresInDays", 30), Map.of("name", "Forever", "expiresInDays", 0),
                Map.of("name", "Forever"), Map.of("name", "Long", "expiresInDays", 366))) {
            WebSession.Page refused = owner.api("POST", "/api/v1/tokens", body);
            answers.add(refused.status() + " " + String.join(",", iterable(WebSession.json(refused).get("errors"))));
        }
        assertThat(answers).containsExactly("422 name", "422 name", "422 name", "422 expiresInDays", "422 expiresInDays", "422 expiresInDays");
        assertThat(owner.api("POST", "/api/v1/tokens", "{\"name\": ").status()).isEqualTo(400);
        assertThat(owner.api("POST", "/api/v1/tokens", Map.of("name", "Other's", "expiresInDays", 7,
                "accountId", UUID.randomUUID().toString())).status()).isEqualTo(422);

        owner.get("/settings/me");
        WebSession.Page form = owner.post("/settings/me/tokens", Map.of("name", "   ", "expiresInDays", "forever"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.document().select("#token-name-error").text()).startsWith("Give the token a name");
        assertThat(form.document().select("#token-expiry-error").text()).startsWith("Choose how long");
        assertThat(form.document().select("#new-token-text")).isEmpty();
        assertThat(tokenCount()).isEqualTo(before);
    }

    @Test
    void nobodyRevokesAnotherPersonsToken() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Private Pantry");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        JsonNode made = madeThroughTheApi(member.session(), Map.of("name", "Member's", "expiresInDays", 7));
        String id = made.get("id").asString();

        assertThat(account.owner().session().api("DELETE", "/api/v1/tokens/" + id, null).status()).isEqualTo(404);
        account.owner().session().get("/settings/me");
        assertThat(account.owner().session().post("/settings/me/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(account.owner().session().api("DELETE", "/api/v1/tokens/not-an-id", null).status()).isEqualTo(404);
        assertThat(WebSession.json(account.owner().session().api("GET", "/api/v1/tokens", null)).get("tokens")).isEmpty();
        assertThat(BearerClient.withToken(port, made.get("token").asString()).get("/api/v1/profiles").status()).isEqualTo(200);
    }

    private JsonNode madeThroughTheApi(WebSession session, Map<String, Object> body) {
        WebSession.Page made = session.api("POST", "/api/v1/tokens", body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return WebSession.json(made);
    }

    private static JsonNode onlyToken(WebSession session) {
        JsonNode tokens = WebSession.json(session.api("GET", "/api/v1/tokens", null)).get("tokens");
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    private static void assertRefusedAsInvalid(WebSession.Page answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(answer.header("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(answer.header("Set-Cookie")).isEmpty();
    }

    private long tokenCount() {
        return databaseOwner().sql("SELECT count(*) FROM api_tokens").query(Long.class).single();
    }

    private static List<UUID> listed(WebSession.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        WebSession.json(page).get("conversations").forEach(conversation -> ids.add(UUID.fromString(conversation.get("id").asString())));
        return ids;
    }

    private static List<String> iterable(JsonNode errors) {
        List<String> names = new ArrayList<>();
        if (errors != null) {
            errors.propertyNames().forEach(names::add);
        }
        return names;
    }

    /** A conversation written as the application writes one, to see who sees it (the inbox's own tests make them as leads do). */
    private UUID conversation(UUID accountId, UUID profileId, UUID assignee) {
        UUID id = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        String phone = TeamFixture.uniquePhoneNumber();
        Timestamp now = Timestamp.from(clock.instant());
        JdbcClient db = databaseOwner();
        db.sql("INSERT INTO contacts (id, account_id, profile_id, phone, created_at) VALUES (:id, :a, :p, :phone, :now)")
                .param("id", contact).param("a", accountId).param("p", profileId).param("phone", phone).param("now", now).update();
        db.sql("""
                        INSERT INTO conversations (id, account_id, profile_id, contact_id, contact_phone, state, assignee_id,
                                                   last_activity_at, created_at)
                        VALUES (:id, :a, :p, :k, :phone, :state, :assignee, :now, :now)""")
                .param("id", id).param("a", accountId).param("p", profileId).param("k", contact).param("phone", phone)
                .param("state", assignee == null ? "new" : "open").param("assignee", assignee, java.sql.Types.OTHER)
                .param("now", now).update();
        return id;
    }
}
