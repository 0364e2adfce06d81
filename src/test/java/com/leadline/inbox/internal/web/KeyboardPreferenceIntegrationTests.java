package com.leadline.inbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's keyboard preference (WCAG 2.1.4, PERMISSIONS.md row 13): single-key shortcuts are on until the
 * person turns them off in their own settings; the choice is theirs alone, follows a partner user into the
 * client account they work in, and a value a checkbox never sends is refused with nothing changed.
 */
class KeyboardPreferenceIntegrationTests extends IntegrationTest {

    private static final String ROUTE = "/settings/me/keyboard";

    @Test
    void onByDefaultOffForThePersonWhoTurnedThemOffAndNobodyElse() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Keyboard Kitchens");
        TeamFixture.Member owner = account.owner();
        TeamFixture.Member colleague = fixture.join(owner, "member", account.firstProfileId());

        assertThat(shortcutsOnInbox(owner.session())).isEqualTo("on");
        assertThat(checkboxOnSettings(owner.session())).as("the settings page shows the default").isTrue();
        assertThat(storedRows(owner.id())).as("the default needs no row").isZero();

        // An unchecked box sends nothing: off.
        WebSession.Page saved = owner.session().post(ROUTE, Map.of());
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/settings/me?keyboardSaved#keyboard-heading");
        assertThat(shortcutsOnInbox(owner.session())).isEqualTo("off");
        WebSession.Page settings = owner.session().get("/settings/me?keyboardSaved");
        assertThat(settings.document().selectFirst("#keyboard-shortcuts").hasAttr("checked")).isFalse();
        assertThat(settings.document().select(".keyboard-settings [role=status]").text())
                .isEqualTo("Saved: single-key shortcuts are off in the inbox.");
        assertThat(owner.session().get("/inbox").document().selectFirst("#keyboard-help-off")).as("the help says they are off").isNotNull();

        assertThat(shortcutsOnInbox(colleague.session())).as("another person of the account keeps theirs").isEqualTo("on");
        assertThat(checkboxOnSettings(colleague.session())).isTrue();

        // A checked box sends "on".
        assertThat(owner.session().post(ROUTE, Map.of("keyboardShortcuts", "on")).status()).isEqualTo(302);
        assertThat(shortcutsOnInbox(owner.session())).isEqualTo("on");
        assertThat(owner.session().get("/inbox").document().selectFirst("#keyboard-help-off")).isNull();
        assertThat(storedRows(owner.id())).as("one row per person, saved over").isEqualTo(1);
    }

    @Test
    void aValueNoCheckboxSendsIsRefusedAndChangesNothing() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Tampered Tiles");
        WebSession owner = account.owner().session();
        assertThat(shortcutsOnInbox(owner)).isEqualTo("on");
        assertThat(owner.post(ROUTE, Map.of()).status()).isEqualTo(302);

        for (String tampered : new String[] {"yes", "true", "ON", "", "on,on"}) {
            WebSession.Page refused = owner.post(ROUTE, Map.of("keyboardShortcuts", tampered));
            assertThat(refused.status()).as("\"%s\"", tampered).isEqualTo(422);
            assertThat(shortcutsOnInbox(owner)).as("still off after \"%s\"", tampered).isEqualTo("off");
        }
        // Without the CSRF token the form is forged: refused before anything is read.
        WebSession.Page forged = owner.postRaw(ROUTE, Map.of("keyboardShortcuts", "on"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(shortcutsOnInbox(owner)).isEqualTo("off");
        assertThat(visitor().postRaw(ROUTE, Map.of()).status()).as("signed out").isIn(302, 403);
    }

    @Test
    void aPartnerUsersChoiceIsKeptInTheirOwnAgencyAndFollowsThemIntoTheClient() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account client = fixture.openAccount("Partnered Plumbing");
        WebSession partner = fixture.partnerWorkingIn(client.id(), "read_only");
        UUID partnerId = UUID.fromString(WebSession.json(partner.api("GET", "/api/v1/session", null)).get("userId").asString());

        assertThat(shortcutsOnInbox(partner)).isEqualTo("on");
        assertThat(partner.post(ROUTE, Map.of()).status()).as("a read-only partner keeps their own settings").isEqualTo(302);
        assertThat(shortcutsOnInbox(partner)).isEqualTo("off");
        UUID stored = databaseOwner().sql("SELECT account_id FROM inbox_user_preferences WHERE user_id = :u").param("u", partnerId)
                .query(UUID.class).single();
        assertThat(stored).as("in the agency's account, not the client's").isNotEqualTo(client.id())
                .isEqualTo(databaseOwner().sql("SELECT account_id FROM users WHERE id = :u").param("u", partnerId).query(UUID.class).single());
        assertThat(shortcutsOnInbox(client.owner().session())).as("the client's owner keeps theirs").isEqualTo("on");
    }

    private static String shortcutsOnInbox(WebSession session) {
        WebSession.Page inbox = session.get("/inbox");
        assertThat(inbox.status()).isEqualTo(200);
        return inbox.document().selectFirst("main").attr("data-keyboard-shortcuts");
    }

    private static boolean checkboxOnSettings(WebSession session) {
        WebSession.Page settings = session.get("/settings/me");
        assertThat(settings.status()).isEqualTo(200);
        return settings.document().selectFirst("#keyboard-shortcuts").hasAttr("checked");
    }

    private long storedRows(UUID userId) {
        return databaseOwner().sql("SELECT count(*) FROM inbox_user_preferences WHERE user_id = :u").param("u", userId).query(Long.class).single();
    }
}
