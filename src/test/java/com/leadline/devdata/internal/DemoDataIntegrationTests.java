package com.leadline.devdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.identity.Passwords;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The demo data loads once, signs in, and obeys the same rules as any account's data. */
class DemoDataIntegrationTests extends IntegrationTest {

    @Autowired
    private Passwords passwords;
    @Autowired
    private DatabaseOwner ownerConnection;

    @Test
    void theDemoPracticeLoadsOnceAndItsPeopleSeeWhatTheirRolesAllow() {
        DemoData demo = new DemoData(passwords, clock, ownerConnection);
        demo.run(null);
        demo.run(null);
        assertThat(databaseOwner().sql("SELECT count(*) FROM accounts WHERE name = 'Sunrise Dental'").query(Integer.class).single())
                .isEqualTo(1);

        WebSession owner = visitor();
        assertThat(owner.signIn(DemoData.OWNER_EMAIL, DemoData.PASSWORD).status()).isEqualTo(302);
        JsonNode first = WebSession.json(owner.api("GET", "/api/v1/conversations?tab=all", null));
        JsonNode next = first.get("next");
        JsonNode second = WebSession.json(owner.api("GET", "/api/v1/conversations?tab=all&afterGroup=" + next.get("group").asInt()
                + "&afterTime=" + next.get("lastActivityAt").asString() + "&afterId=" + next.get("id").asString(), null));
        assertThat(first.get("conversations").size() + second.get("conversations").size()).isEqualTo(60);
        assertThat(owner.open("/inbox").document().select(".conversation-list li")).hasSize(50);

        WebSession member = visitor();
        assertThat(member.signIn("maya@demo.leadline.local", DemoData.PASSWORD).status()).isEqualTo(302);
        assertThat(WebSession.json(member.api("GET", "/api/v1/conversations?tab=all", null)).get("conversations").size())
                .isLessThan(50).isPositive();
        String myId = WebSession.json(member.api("GET", "/api/v1/session", null)).get("userId").asString();
        WebSession.json(member.api("GET", "/api/v1/conversations?tab=all", null)).get("conversations").values()
                .forEach(c -> assertThat(c.get("assigneeId").isNull() || c.get("assigneeId").asString().equals(myId)).isTrue());
    }
}
