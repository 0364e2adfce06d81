package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import com.leadline.testing.WebSession.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Your settings (/settings/me, PERMISSIONS.md row 13): the person's own name, and their signed-in sessions with sign-out of
 * one or of all the others. Sessions are named on the page by a random handle, never by their id.
 */
class OwnSettingsIntegrationTests extends IntegrationTest {

    private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Test
    void aPersonRenamesThemselvesAndEverySessionOfTheirsShowsTheNewNameAtItsNextPage() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Renaming Rooms");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        String memberName = nameOf(member.id());
        WebSession owner = account.owner().session();
        WebSession ownerElsewhere = visitor();
        ownerElsewhere.signIn(account.owner().email(), PASSWORD);

        Page form = owner.get("/settings/me");
        assertThat(form.heading()).isEqualTo("Your settings");
        assertThat(form.document().select("#own-name").val()).isEqualTo("Olive Owner");
        Page saved = owner.post("/settings/me/name", Map.of("name", "  Grace Brewster Hopper "));
        assertThat(saved.location()).endsWith("/settings/me?nameSaved#you-heading");

        Page after = owner.get(saved.location());
        assertThat(after.document().select(".notice[role=status]").text()).contains("Your name was saved.");
        assertThat(after.document().select("#own-name").val()).isEqualTo("Grace Brewster Hopper");
        assertThat(after.document().select("#account-menu .menu-heading span").first().text()).isEqualTo("Grace Brewster Hopper");
        assertThat(after.document().select("#account-menu-button").text()).isEqualTo("GB");
        assertThat(ownerElsewhere.get("/team").document().select("#account-menu .menu-heading span").first().text())
                .as("the owner's other session, at its next page").isEqualTo("Grace Brewster Hopper");
        assertThat(nameOf(account.owner().id())).isEqualTo("Grace Brewster Hopper");
        assertThat(nameOf(member.id())).as("nobody else renamed").isEqualTo(memberName);
        assertThat(member.session().get("/settings/me").document().select("#own-name").val()).isEqualTo(memberName);
        assertThat(auditCount(account.id(), account.owner().id(), "user.renamed")).isEqualTo(1);

        assertThat(owner.post("/settings/me/name", Map.of("name", "Grace Brewster Hopper")).status()).isEqualTo(302);
        assertThat(auditCount(account.id(), account.owner().id(), "user.renamed")).as("the same name is no change").isEqualTo(1);
    }

    @Test
    void aNameThatIsEmptyTooLongOrHoldsControlCharactersIsRefusedBesideTheFieldAndChangesNothing() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Refusing Rooms");
        WebSession owner = account.owner().session();
        owner.get("/settings/me");
        for (String bad : List.of("", "   ", "x".repeat(201), "Eve\nEvil", "Tab\tName", "Bell\u0007", "Line\u2028Separator")) {
            Page refused = owner.post("/settings/me/name", Map.of("name", bad));
            assertThat(refused.status()).as("%s", bad).isEqualTo(422);
            Document page = refused.document();
            assertThat(page.select("#own-name-error").text()).as("%s", bad).startsWith(bad.isBlank() || bad.length() > 200
                    ? "Enter your name (up to 200 characters)." : "Your name can't contain line breaks");
            assertThat(page.select(".error-summary[role=alert]").text()).contains("Your name was not changed");
            assertThat(page.select("#own-name").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.select("#own-name").val()).as("what was typed is kept").isEqualTo(bad);
            assertThat(page.select("#account-menu .menu-heading span").first().text()).isEqualTo("Olive Owner");
        }
        assertThat(owner.post("/settings/me/name", Map.of("name", "Nul\u0000Byte")).status()).isEqualTo(400);
        assertThat(owner.post("/settings/me/name", Map.of("name", "x".repeat(70_000))).status()).isEqualTo(413);
        assertThat(owner.post("/settings/me/name", Map.of("name", "Forged", "_csrf", "not-the-token")).status()).isEqualTo(403);
        assertThat(nameOf(account.owner().id())).isEqualTo("Olive Owner");
        assertThat(auditCount(account.id(), account.owner().id(), "user.renamed")).isZero();
    }

    @Test
    void thePageListsEverySessionOfThePersonAndSignsOutAnotherOneWhichIsSignedOutAtItsNextRequest() {
        String email = uniqueEmail("owner");
        WebSession here = visitor().sendingHeader("User-Agent", CHROME_ON_WINDOWS);
        here.signUp("Session Studio", "Ses Sion", email, PASSWORD);
        // The IPv6 loopback: another client address than 127.0.0.1 (a client connecting to 127.0.0.2 still comes from .1).
        WebSession phone = WebSession.fromLoopback("[::1]", port).sendingHeader("User-Agent", SAFARI_ON_IPHONE);
        assertThat(phone.signIn(email, PASSWORD).status()).isEqualTo(302);
        phone.get("/inbox");

        Page page = here.get("/settings/me");
        List<Element> listed = page.document().select("li.session");
        assertThat(listed).hasSize(2);
        Element current = listed.get(0);
        assertThat(current.hasClass("current")).isTrue();
        assertThat(current.select(".session-device").text()).isEqualTo("Chrome on Windows This session");
        assertThat(current.select("form")).as("this session signs out with Sign out").isEmpty();
        assertThat(current.select("dd").eachText().get(0)).isEqualTo("127.0.0.1");
        Element other = listed.get(1);
        assertThat(other.select(".session-device").text()).isEqualTo("Safari on iPhone");
        assertThat(other.select("dd").eachText().get(0)).isEqualTo("::1");
        assertThat(other.select("dd").eachText().get(1)).endsWith(" UTC");
        assertThat(other.select("dd").eachText().get(2)).endsWith(" UTC");
        assertThat(page.body()).as("a session id is a credential: never on the page")
                .doesNotContain(here.sessionId().orElseThrow()).doesNotContain(phone.sessionId().orElseThrow());
        String handle = other.attr("data-session-handle");
        assertThat(other.select("form").attr("action")).isEqualTo("/settings/me/sessions/" + handle + "/sign-out");
        assertThat(other.select("button").text()).startsWith("Sign out of Safari on iPhone, last used ");

        Page signedOut = here.post("/settings/me/sessions/" + handle + "/sign-out", Map.of());
        assertThat(signedOut.location()).endsWith("/settings/me?sessionSignedOut#sessions-heading");
        assertThat(phone.get("/inbox").location()).as("at its next request").endsWith("/signin");
        assertThat(here.isSignedIn()).isTrue();
        Page after = here.get("/settings/me");
        assertThat(after.document().select("li.session")).hasSize(1);
        assertThat(after.document().select("button:containsOwn(Sign out of all other sessions)")).isEmpty();
        UUID account = accountOf(email);
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action = 'session.signed_out'")
                .param("a", account).query(Integer.class).single()).isEqualTo(1);
        assertThat(here.post("/settings/me/sessions/" + handle + "/sign-out", Map.of()).status()).as("already ended").isEqualTo(404);
    }

    @Test
    void signingOutOfAllOtherSessionsKeepsOnlyThisOne() {
        String email = uniqueEmail("owner");
        WebSession here = visitor().sendingHeader("User-Agent", FIREFOX_ON_LINUX);
        here.signUp("All Others", "Al Others", email, PASSWORD);
        WebSession laptop = visitor().sendingHeader("User-Agent", CHROME_ON_WINDOWS);
        WebSession phone = WebSession.fromLoopback("[::1]", port).sendingHeader("User-Agent", SAFARI_ON_IPHONE);
        laptop.signIn(email, PASSWORD);
        phone.signIn(email, PASSWORD);

        Page page = here.get("/settings/me");
        assertThat(page.document().select("li.session .session-device strong").eachText())
                .containsExactlyInAnyOrder("Firefox on Linux", "Chrome on Windows", "Safari on iPhone");
        Page ended = here.post("/settings/me/sessions/sign-out-others", Map.of());
        assertThat(ended.location()).endsWith("/settings/me?othersSignedOut#sessions-heading");
        assertThat(laptop.isSignedIn()).isFalse();
        assertThat(phone.isSignedIn()).isFalse();
        assertThat(here.isSignedIn()).isTrue();
        assertThat(here.get("/settings/me").document().select("li.session")).hasSize(1);
        assertThat(databaseOwner().sql("""
                        SELECT details->>'sessions' FROM audit_log WHERE account_id = :a AND action = 'session.others_signed_out'""")
                .param("a", accountOf(email)).query(String.class).single()).isEqualTo("2");
    }

    @Test
    void anotherPersonsSessionHandleIsUnknownAndNothingIsEnded() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Handle Holders");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        WebSession owner = account.owner().session();
        String membersHandle = member.session().get("/settings/me").document().select("li.session.current").attr("data-session-handle");
        String ownersHandle = owner.get("/settings/me").document().select("li.session.current").attr("data-session-handle");
        assertThat(membersHandle).isNotBlank();

        assertThat(owner.post("/settings/me/sessions/" + membersHandle + "/sign-out", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/settings/me/sessions/" + ownersHandle + "/sign-out", Map.of()).status())
                .as("this very session is signed out with Sign out").isEqualTo(404);
        assertThat(owner.post("/settings/me/sessions/not-a-handle/sign-out", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/settings/me/sessions/sign-out-others", Map.of()).status()).isEqualTo(302);
        assertThat(member.session().isSignedIn()).as("another person's sessions are never 'other sessions'").isTrue();
        assertThat(owner.isSignedIn()).isTrue();
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action = 'session.signed_out'")
                .param("a", account.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aSessionSignedInBeforeHandlesExistedIsGivenOneWhenListedAndCanBeSignedOut() {
        String email = uniqueEmail("owner");
        WebSession here = visitor();
        here.signUp("Older Sessions", "Old Er", email, PASSWORD);
        WebSession old = visitor();
        old.signIn(email, PASSWORD);
        // As a session made before this change: no handle, address or browser kept.
        databaseOwner().sql("""
                        DELETE FROM spring_session_attributes
                         WHERE attribute_name IN ('leadline.sessionHandle', 'leadline.userAgent', 'leadline.clientAddress')
                           AND session_primary_id = (SELECT primary_id FROM spring_session WHERE session_id = :id)""")
                .param("id", old.sessionId().orElseThrow()).update();

        List<Element> listed = here.get("/settings/me").document().select("li.session:not(.current)");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).select(".session-device").text()).isEqualTo("Unknown device");
        assertThat(listed.get(0).select("dd").first().text()).isEqualTo("Unknown");
        String handle = listed.get(0).attr("data-session-handle");
        assertThat(handle).isNotBlank();

        assertThat(old.get("/inbox").status()).as("its own next request, which notes where it comes from").isEqualTo(200);
        Element again = here.get("/settings/me").document().select("li.session:not(.current)").first();
        assertThat(again.attr("data-session-handle")).as("kept once given").isEqualTo(handle);
        assertThat(again.select("dd").first().text()).isEqualTo("127.0.0.1");
        assertThat(here.post("/settings/me/sessions/" + handle + "/sign-out", Map.of()).status()).isEqualTo(302);
        assertThat(old.isSignedIn()).isFalse();
    }

    private String nameOf(UUID user) {
        return databaseOwner().sql("SELECT name FROM users WHERE id = :u").param("u", user).query(String.class).single();
    }

    private UUID accountOf(String email) {
        return databaseOwner().sql("SELECT account_id FROM users WHERE email = :e").param("e", email).query(UUID.class).single();
    }

    private int auditCount(UUID account, UUID user, String action) {
        return databaseOwner().sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND actor_user_id = :u AND action = :action")
                .param("a", account).param("u", user).param("action", action).query(Integer.class).single();
    }
}
