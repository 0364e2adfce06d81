package com.leadline.devdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.WebSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The demo practice loads once, through the use cases, and shows its people what the README promises. */
class DemoDataIntegrationTests extends IntegrationTest {

    @Autowired
    private DemoLoader demo;

    @Test
    void thePracticeLoadsOnceAndItsPeopleFindWhatTheReadmePromises() {
        Instant loadedAt = clock.instant();
        assertThat(demo.loadOnce()).isTrue();
        assertThat(demo.loadOnce()).as("a second start").isFalse();
        assertThat(databaseOwner().sql("SELECT count(*) FROM accounts WHERE name = 'Sunrise Dental'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(databaseOwner().sql("""
                        SELECT DISTINCT coalesce(system_actor, '(a person)') FROM audit_log
                        WHERE account_id = (SELECT id FROM accounts WHERE name = 'Sunrise Dental')""").query(String.class).list())
                .as("who the audit log says did it").containsExactly(DemoLoader.ACTOR);
        theOwnerFindsProfilesTeamAndTwoWeeksOfConversations(loadedAt);
        itsLeadboxesAllowTheDemoWebsite();
        aTeamMemberSeesUnassignedAndTheirOwnConversationsOfTheirProfile();
    }

    private void theOwnerFindsProfilesTeamAndTwoWeeksOfConversations(Instant loadedAt) {
        WebSession owner = visitor();
        assertThat(owner.signIn(DemoTeam.OWNER_EMAIL, DemoTeam.PASSWORD).status()).isEqualTo(302);
        assertThat(names(WebSession.json(owner.api("GET", "/api/v1/profiles", null)).values()))
                .containsExactlyInAnyOrder("Sunrise Dental Downtown", "Sunrise Dental Riverside", "Sunrise Dental Hill");
        Map<String, String> roles = new java.util.HashMap<>();
        WebSession.json(owner.api("GET", "/api/v1/team/members", null)).get("members").values()
                .forEach(member -> roles.put(member.get("email").asString(), member.get("role").asString() + " "
                        + member.get("state").asString() + " " + member.get("profiles").size()));
        assertThat(roles).containsEntry(DemoTeam.OWNER_EMAIL, "owner active 3").containsEntry("alex@demo.leadline.local", "admin active 3")
                .containsEntry("maya@demo.leadline.local", "member active 1").containsEntry("sam@demo.leadline.local", "admin active 3")
                .hasSize(6);

        List<JsonNode> conversations = allConversations(owner);
        assertThat(conversations).hasSize(DemoConversations.CONVERSATIONS);
        assertThat(conversations).allSatisfy(c -> assertThat(c.get("contactName").asString()).isNotBlank());
        assertThat(conversations.stream().map(c -> c.get("state").asString()).collect(Collectors.toSet()))
                .isEqualTo(Set.of("new", "open", "closed"));
        List<Instant> activity = conversations.stream().map(c -> Instant.parse(c.get("lastActivityAt").asString())).toList();
        assertThat(activity).allSatisfy(at -> assertThat(at).isBetween(loadedAt.minus(DemoConversations.SPREAD), loadedAt));
        assertThat(activity.stream().map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)).distinct()).as("days with activity")
                .hasSizeGreaterThan(7);
        List<JsonNode> unread = conversations.stream().filter(c -> c.get("unread").asBoolean()).toList();
        assertThat(unread).isNotEmpty().hasSizeLessThan(conversations.size()).allSatisfy(c -> assertThat(
                c.get("state").asString().equals("new") || Instant.parse(c.get("lastActivityAt").asString())
                        .isAfter(loadedAt.minus(DemoConversations.RECENT))).isTrue());
        assertThat(conversations).filteredOn(c -> c.get("state").asString().equals("new")).allSatisfy(c -> assertThat(c.get("unread").asBoolean()).isTrue());
        assertThat(conversations).filteredOn(c -> c.get("state").asString().equals("closed"))
                .allSatisfy(c -> assertThat(c.get("outcome").asString()).isIn("won", "lost"));
    }

    /** The demo page (DemoLeadboxPage) is opened at 127.0.0.1 on the base URL's port (http://leadline.test: none). */
    private void itsLeadboxesAllowTheDemoWebsite() {
        assertThat(databaseOwner().sql("""
                        SELECT allowed_origins FROM leadboxes
                        WHERE account_id = (SELECT id FROM accounts WHERE name = 'Sunrise Dental')""")
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).list())
                .as("the multi-profile Leadbox and the three profiles'").hasSize(4)
                .allSatisfy(origins -> assertThat(origins).containsExactly("http://127.0.0.1"));
    }

    private void aTeamMemberSeesUnassignedAndTheirOwnConversationsOfTheirProfile() {
        WebSession member = visitor();
        assertThat(member.signIn("maya@demo.leadline.local", DemoTeam.PASSWORD).status()).isEqualTo(302);
        String myId = WebSession.json(member.api("GET", "/api/v1/session", null)).get("userId").asString();
        List<JsonNode> mine = allConversations(member);
        assertThat(mine).isNotEmpty().hasSizeLessThan(DemoConversations.CONVERSATIONS)
                .allSatisfy(c -> assertThat(c.get("assigneeId").isNull() || c.get("assigneeId").asString().equals(myId)).isTrue());
    }

    private static List<String> names(Iterable<JsonNode> profiles) {
        List<String> names = new ArrayList<>();
        profiles.forEach(profile -> names.add(profile.get("name").asString()));
        return names;
    }

    private static List<JsonNode> allConversations(WebSession session) {
        List<JsonNode> all = new ArrayList<>();
        String query = "";
        while (query != null) {
            JsonNode page = WebSession.json(session.api("GET", "/api/v1/conversations?tab=all" + query, null));
            page.get("conversations").values().forEach(all::add);
            JsonNode next = page.get("next");
            query = next == null || next.isNull() ? null : "&afterGroup=" + next.get("group").asInt() + "&afterTime="
                    + next.get("lastActivityAt").asString() + "&afterId=" + next.get("id").asString();
        }
        return all;
    }
}
