package com.leadline.inbox.internal.shortcut;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Personal shortcuts stay private; shared ones follow the profile (the reply box's "/name " is {@link ShortcutsBrowserTests}). */
class ShortcutsIntegrationTests extends IntegrationTest {

    @Test
    void personalShortcutsArePrivateAndSharedOnesBelongToTheProfile() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Shortcut Salon");
        UUID west = fixture.addProfile(account, "Shortcut Salon West");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member westMember = fixture.join(account.owner(), "member", west);

        WebSession.Page mine = member.session().api("POST", "/api/v1/shortcuts", Map.of("name", "/Thanks", "body", "Thank you!"));
        assertThat(mine.status()).isEqualTo(201);
        String personalId = WebSession.json(mine).get("id").asString();
        assertThat(names(member.session())).containsExactly("thanks");
        assertThat(names(admin.session())).as("personal means private").isEmpty();
        assertThat(admin.session().api("DELETE", "/api/v1/shortcuts/" + personalId, null).status()).isEqualTo(404);

        Map<String, Object> shared = Map.of("name", "hours", "body", "We open at nine.", "profileId", account.firstProfileId().toString());
        assertThat(member.session().api("POST", "/api/v1/shortcuts", shared).status()).as("members use, admins edit").isEqualTo(403);
        WebSession.Page created = admin.session().api("POST", "/api/v1/shortcuts", shared);
        assertThat(created.status()).isEqualTo(201);
        assertThat(admin.session().api("POST", "/api/v1/shortcuts", shared).status()).as("one name per profile").isEqualTo(422);
        assertThat(names(member.session())).containsExactly("thanks", "hours");
        assertThat(names(westMember.session())).as("another profile's").isEmpty();
        String sharedId = WebSession.json(created).get("id").asString();
        assertThat(member.session().api("DELETE", "/api/v1/shortcuts/" + sharedId, null).status()).isEqualTo(403);
        assertThat(westMember.session().api("DELETE", "/api/v1/shortcuts/" + sharedId, null).status()).isEqualTo(404);
        assertThat(member.session().api("POST", "/api/v1/shortcuts", Map.of("name", "no spaces allowed", "body", "x")).status())
                .isEqualTo(422);
        assertThat(member.session().api("DELETE", "/api/v1/shortcuts/" + personalId, null).status()).isEqualTo(204);
    }

    private static java.util.List<String> names(WebSession session) {
        return WebSession.json(session.api("GET", "/api/v1/shortcuts", null)).values().stream()
                .map(shortcut -> shortcut.get("name").asString()).toList();
    }
}
