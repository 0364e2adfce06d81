package com.leadline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A profile's Auto replies section from the edit dialog and the API: both replies saved at once with
 * an audit entry that names what changed (never the words), every field's error at once and nothing
 * written, and the stored settings read back. Who may: TeamAuthorizationMatrixTests (row 19).
 */
class ProfileAutoRepliesIntegrationTests extends IntegrationTest {

    private TeamFixture.Account account;
    private WebSession owner;

    @BeforeEach
    void openAccount() {
        account = new TeamFixture(port, databaseOwner()).openAccount("Reply Roofing");
        owner = account.owner().session();
    }

    @Test
    void theSectionSavesBothRepliesShowsThemAgainAndTheAuditEntryLeavesTheWordsOut() {
        assertThat(WebSession.json(owner.api("GET", api(), null)).toString()).as("never set: both off")
                .isEqualTo("{\"newLeadEnabled\":false,\"newLeadText\":\"\",\"afterHoursEnabled\":false,\"afterHoursText\":\"\"}");

        owner.get("/profiles");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("newLeadEnabled", "on");
        form.put("newLeadText", "Hi {first_name}, thanks for contacting {button_name}!\r\nWe reply within the hour.");
        form.put("afterHoursText", "  We're closed; we'll text you tomorrow.  ");
        WebSession.Page saved = owner.post("/profiles/" + account.firstProfileId() + "/auto-replies", form);

        assertThat(saved.status()).isEqualTo(200);
        Document section = saved.document();
        assertThat(section.select("[role=status]").text()).isEqualTo("Auto replies saved.");
        assertThat(section.select("#auto-reply-new-lead").text()).contains("{first_name}", "{button_name}");
        assertThat(stored()).containsExactly(
                Map.of("kind", "after_hours", "enabled", false, "body", "We're closed; we'll text you tomorrow."),
                Map.of("kind", "new_lead", "enabled", true,
                        "body", "Hi {first_name}, thanks for contacting {button_name}!\nWe reply within the hour."));

        Document dialog = owner.get("/profiles/" + account.firstProfileId() + "/edit").document();
        assertThat(dialog.select("#profile-auto-replies input[name=newLeadEnabled]").hasAttr("checked")).isTrue();
        assertThat(dialog.select("#profile-auto-replies input[name=afterHoursEnabled]").hasAttr("checked")).isFalse();
        assertThat(dialog.select("#auto-reply-after-hours").text()).isEqualTo("We're closed; we'll text you tomorrow.");

        JsonNode read = WebSession.json(account.owner().session().api("GET", api(), null));
        assertThat(read.get("newLeadEnabled").asBoolean()).isTrue();
        assertThat(read.get("afterHoursText").asString()).isEqualTo("We're closed; we'll text you tomorrow.");

        String audit = databaseOwner().sql("""
                        SELECT details::text FROM audit_log WHERE target_id = :p AND action = 'profile.auto_replies_changed'""")
                .param("p", account.firstProfileId().toString()).query(String.class).single();
        assertThat(audit).contains("newLead", "turned on", "newLeadText", "afterHoursText", "changed")
                .as("the words stay out of the audit log").doesNotContain("closed", "first_name");

        // Saving the same again changes nothing and records nothing.
        assertThat(owner.api("PUT", api(), Map.of("newLeadEnabled", true, "newLeadText", read.get("newLeadText").asString(),
                "afterHoursEnabled", false, "afterHoursText", "We're closed; we'll text you tomorrow.")).status()).isEqualTo(200);
        assertThat(databaseOwner().sql("SELECT count(*) FROM audit_log WHERE target_id = :p AND action = 'profile.auto_replies_changed'")
                .param("p", account.firstProfileId().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithEveryErrorAtOnceAndNothingWritten() {
        assertThat(owner.api("PUT", api(), Map.of("newLeadEnabled", true, "newLeadText", "Thanks!",
                "afterHoursEnabled", true, "afterHoursText", "Closed.")).status()).isEqualTo(200);

        WebSession.Page refused = owner.api("PUT", api(), Map.of("newLeadEnabled", true, "newLeadText", "x".repeat(481),
                "afterHoursEnabled", true, "afterHoursText", " "));
        assertThat(refused.status()).isEqualTo(422);
        JsonNode errors = WebSession.json(refused).get("errors");
        assertThat(errors.get("newLeadText").asString()).isEqualTo("Keep the reply to 480 characters; it has 481.");
        assertThat(errors.get("afterHoursText").asString()).isEqualTo("Write the reply, or turn it off.");

        WebSession.Page placeholder = owner.api("PUT", api(), Map.of("newLeadEnabled", false, "newLeadText", "Hi {name}",
                "afterHoursEnabled", false, "afterHoursText", "🌙".repeat(480)));
        assertThat(placeholder.status()).as("480 characters of two UTF-16 units each are 480 characters").isEqualTo(422);
        JsonNode placeholderErrors = WebSession.json(placeholder).get("errors");
        assertThat(placeholderErrors.get("newLeadText").asString())
                .isEqualTo("{name} is not a placeholder. Use {first_name} or {button_name}.");
        assertThat(placeholderErrors.has("afterHoursText")).isFalse();

        owner.get("/profiles");
        WebSession.Page page = owner.post("/profiles/" + account.firstProfileId() + "/auto-replies",
                Map.of("newLeadEnabled", "on", "newLeadText", "", "afterHoursText", "Hi {firstname}"));
        assertThat(page.status()).isEqualTo(422);
        Document section = page.document();
        assertThat(section.select("#auto-reply-new-lead-error").text()).isEqualTo("Write the reply, or turn it off.");
        assertThat(section.select("#auto-reply-after-hours-error").text()).contains("{firstname} is not a placeholder");
        assertThat(section.select("#auto-reply-after-hours").text()).as("what was typed is kept").isEqualTo("Hi {firstname}");
        assertThat(section.select("#auto-reply-after-hours").attr("aria-invalid")).isEqualTo("true");
        assertThat(section.select(".error-summary li")).hasSize(2);

        assertThat(stored()).containsExactly(Map.of("kind", "after_hours", "enabled", true, "body", "Closed."),
                Map.of("kind", "new_lead", "enabled", true, "body", "Thanks!"));
    }

    private String api() {
        return "/api/v1/profiles/" + account.firstProfileId() + "/auto-replies";
    }

    private List<Map<String, Object>> stored() {
        return databaseOwner().sql("SELECT kind, enabled, body FROM inbox_auto_replies WHERE profile_id = :p ORDER BY kind")
                .param("p", account.firstProfileId()).query().listOfRows();
    }
}
