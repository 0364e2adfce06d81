package com.leadline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.platform.PhoneNumbers;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A profile's Texting section (country, sending number, help text) from the edit dialog and the API:
 * numbers read in the chosen country and stored in E.164 form, the global registry refusing a number
 * another profile has, bad input refused whole, who may change it. The test application has no SMS
 * provider, so new numbers come back unchecked (NO_PROVIDER); ProfileTextingProviderTests has the
 * provider's other answers.
 */
class ProfileTextingIntegrationTests extends IntegrationTest {

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;

    @BeforeEach
    void openAccount() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Texting Tacos");
        owner = account.owner().session();
    }

    @Test
    void aNumberTypedAsDialledInTheChosenCountryIsStoredInE164AndShownReadably() {
        owner.get("/profiles");
        WebSession.Page saved = owner.post(texting(account.firstProfileId()),
                form("US", "(415) 555-0100", "Texting Tacos: text us your order. Reply STOP to unsubscribe."));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.header("HX-Trigger").orElse("")).as("the list behind the dialog is drawn again").contains("profilesChanged");
        Document section = saved.document();
        assertThat(section.select("[role=status]").text()).contains("Texting settings saved.")
                .contains("No SMS provider is configured");
        assertThat(section.select("#texting-number").val()).isEqualTo("+1 415-555-0100");
        assertThat(numberOf(account.firstProfileId())).isEqualTo("+14155550100");
        assertThat(stored(account.firstProfileId()))
                .containsEntry("country", "US")
                .containsEntry("help_text", "Texting Tacos: text us your order. Reply STOP to unsubscribe.");

        assertThat(owner.get("/profiles").document().select("tr[data-profile-id=" + account.firstProfileId() + "] td.phone-number").text())
                .isEqualTo("+1 415-555-0100");
        Document dialog = owner.get("/profiles/" + account.firstProfileId() + "/edit").document();
        assertThat(dialog.select("#texting-country option[selected]").val()).isEqualTo("US");
        assertThat(dialog.select("#texting-country option[value=US]").text()).isEqualTo("United States (+1)");
        assertThat(dialog.select("#texting-number").val()).isEqualTo("+1 415-555-0100");
        assertThat(dialog.select("#texting-help").text()).startsWith("Texting Tacos: text us your order.");

        JsonNode profile = WebSession.json(owner.api("GET", "/api/v1/profiles/" + account.firstProfileId(), null));
        assertThat(profile.get("phoneNumber").asString()).isEqualTo("+14155550100");
        assertThat(profile.get("country").asString()).isEqualTo("US");

        Map<String, Object> audit = databaseOwner().sql("""
                        SELECT action, details::text AS details FROM audit_log WHERE target_id = :p AND action = 'profile.texting_changed'""")
                .param("p", account.firstProfileId().toString()).query().singleRow();
        assertThat((String) audit.get("details")).contains("none to +14155550100", "helpText", "changed")
                .as("the help text's words stay out of the audit log").doesNotContain("text us your order");
    }

    @Test
    void theApiSavesTheSectionSaysTheNumberWentUncheckedAndAnEmptyNumberRemovesIt() {
        String number = unusedNumber();
        WebSession.Page saved = owner.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/texting",
                Map.of("country", "gb", "phoneNumber", number, "helpText", ""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode body = WebSession.json(saved);
        assertThat(body.get("country").asString()).isEqualTo("GB");
        assertThat(body.get("phoneNumber").asString()).isEqualTo(PhoneNumbers.e164(number, "US").orElseThrow());
        assertThat(body.get("numberCheck").asString()).isEqualTo("no_provider");

        JsonNode again = WebSession.json(owner.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/texting",
                Map.of("country", "GB", "phoneNumber", number, "helpText", "Call us instead.")));
        assertThat(again.get("numberCheck").isNull()).as("a kept number is not checked again").isTrue();
        assertThat(again.get("helpText").asString()).isEqualTo("Call us instead.");

        JsonNode removed = WebSession.json(owner.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/texting",
                Map.of("country", "GB", "phoneNumber", "", "helpText", "Call us instead.")));
        assertThat(removed.get("phoneNumber").isNull()).isTrue();
        assertThat(numberOf(account.firstProfileId())).isNull();
        assertThat(databaseOwner().sql("""
                        SELECT details ->> 'phoneNumber' FROM audit_log
                        WHERE target_id = :p AND action = 'profile.texting_changed' ORDER BY id""")
                .param("p", account.firstProfileId().toString()).query(String.class).list())
                .containsExactly("none to " + body.get("phoneNumber").asString(), null,
                        body.get("phoneNumber").asString() + " to none");
    }

    @Test
    void aNumberAnotherProfileHasIsRefusedWhicheverAccountItIsIn() {
        TeamFixture.Account other = fixture.openAccount("Someone Else's Tacos");
        String number = unusedNumber();
        assertThat(other.owner().session().api("PUT", "/api/v1/profiles/" + other.firstProfileId() + "/texting",
                Map.of("country", "US", "phoneNumber", number, "helpText", "")).status()).isEqualTo(200);
        String e164 = numberOf(other.firstProfileId());

        owner.get("/profiles");
        WebSession.Page refused = owner.post(texting(account.firstProfileId()), form("CA", number, "Help is here."));
        assertThat(refused.status()).isEqualTo(422);
        Element field = refused.document().selectFirst("#texting-number").parent();
        assertThat(field.select(".field-error").text()).isEqualTo("This number is already in use by another profile. "
                + "Each number texts for one profile only.");
        assertThat(refused.document().select("#texting-number").val()).as("what was typed is kept").isEqualTo(number);
        assertThat(refused.document().select("#texting-country option[selected]").val()).isEqualTo("CA");

        UUID second = UUID.fromString(WebSession.json(owner.api("POST", "/api/v1/profiles", Map.of("name", "Texting Tacos Two",
                "timezone", "UTC"))).get("id").asString());
        String mine = unusedNumber();
        assertThat(owner.api("PUT", "/api/v1/profiles/" + second + "/texting", Map.of("country", "US", "phoneNumber", mine,
                "helpText", "")).status()).isEqualTo(200);
        WebSession.Page apiRefused = owner.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/texting",
                Map.of("country", "US", "phoneNumber", mine, "helpText", "Help is here."));
        assertThat(apiRefused.status()).as("the account's other profile has it").isEqualTo(422);
        assertThat(WebSession.json(apiRefused).get("errors").get("phoneNumber").asString()).contains("already in use");

        assertThat(numberOf(other.firstProfileId())).isEqualTo(e164);
        assertThat(numberOf(account.firstProfileId())).isNull();
        assertThat(stored(account.firstProfileId())).containsEntry("country", "US").containsEntry("help_text", "");
        assertThat(textingAudits(account.firstProfileId())).isZero();
    }

    @Test
    void badInputIsRefusedWithEveryErrorAtOnceAndNothingWritten() {
        owner.get("/profiles");
        WebSession.Page refused = owner.post(texting(account.firstProfileId()), form("ZZ", "12", "h".repeat(321)));
        assertThat(refused.status()).isEqualTo(422);
        Document section = refused.document();
        assertThat(section.select(".error-summary li")).hasSize(3);
        assertThat(section.select("#texting-country").parents().first().select(".field-error").text()).isEqualTo("Choose a country from the list.");
        assertThat(section.select("#texting-number").parents().first().select(".field-error").text()).isEqualTo(PhoneNumbers.UNREADABLE);
        assertThat(section.select("#texting-help").parents().first().select(".field-error").text()).contains("320 characters");
        assertThat(section.select("#texting-number").attr("aria-invalid")).isEqualTo("true");
        assertThat(section.select("#texting-help").text()).hasSize(321);

        String number = unusedNumber();
        List<Map<String, Object>> bad = List.of(
                Map.of("country", "ZZ", "phoneNumber", number, "helpText", ""),
                Map.of("country", "USA", "phoneNumber", "", "helpText", ""),
                Map.of("phoneNumber", number, "helpText", ""),
                Map.of("country", "US", "phoneNumber", number, "helpText", "x".repeat(321)),
                Map.of("country", "US", "phoneNumber", "call me maybe", "helpText", ""),
                Map.of("country", "US", "phoneNumber", "+1 415 555 0100 ext. 12", "helpText", ""),
                Map.of("country", "US", "phoneNumber", "555", "helpText", ""));
        for (Map<String, Object> body : bad) {
            WebSession.Page answer = owner.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/texting", body);
            assertThat(answer.status()).as(body.toString()).isEqualTo(422);
            assertThat(WebSession.json(answer).get("errors").isEmpty()).as(body.toString()).isFalse();
        }
        assertThat(numberOf(account.firstProfileId())).isNull();
        assertThat(stored(account.firstProfileId())).containsEntry("country", "US").containsEntry("help_text", "");
        assertThat(textingAudits(account.firstProfileId())).isZero();

        // The limit counts characters as the database does: a line break typed in a browser (CR LF) is one, an emoji one.
        String longest = "a".repeat(200) + "\r\n" + "\uD83C\uDF2E".repeat(119);
        WebSession.Page accepted = owner.post(texting(account.firstProfileId()), form("US", "", longest));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(stored(account.firstProfileId()).get("help_text")).isEqualTo("a".repeat(200) + "\n" + "\uD83C\uDF2E".repeat(119));
    }

    @Test
    void onlyThoseWhoEditTheProfileChangeItsTexting() {
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        WebSession readOnly = fixture.partnerWorkingIn(account.id(), "read_only");
        WebSession partnerAdmin = fixture.partnerWorkingIn(account.id(), "admin");
        TeamFixture.Account other = fixture.openAccount("Elsewhere Enchiladas");
        Map<String, Object> json = Map.of("country", "CA", "phoneNumber", unusedNumber(), "helpText", "Not yours.");

        member.session().get("/profiles");
        assertThat(member.session().post(texting(account.firstProfileId()), form("CA", unusedNumber(), "Not yours.")).status())
                .isEqualTo(403);
        assertThat(member.session().api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/texting", json).status())
                .isEqualTo(403);
        readOnly.get("/profiles");
        assertThat(readOnly.post(texting(account.firstProfileId()), form("CA", unusedNumber(), "Not yours.")).status())
                .isEqualTo(403);
        assertThat(readOnly.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/texting", json).status()).isEqualTo(403);
        assertThat(owner.api("PUT", "/api/v1/profiles/" + other.firstProfileId() + "/texting", json).status()).isEqualTo(404);
        owner.get("/profiles");
        assertThat(owner.post(texting(other.firstProfileId()), form("CA", unusedNumber(), "Not yours.")).status()).isEqualTo(404);

        assertThat(numberOf(account.firstProfileId())).isNull();
        assertThat(numberOf(other.firstProfileId())).isNull();
        assertThat(stored(account.firstProfileId())).containsEntry("country", "US").containsEntry("help_text", "");
        assertThat(stored(other.firstProfileId())).containsEntry("country", "US").containsEntry("help_text", "");

        assertThat(partnerAdmin.api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/texting", json).status())
                .as("a partner at Admin level edits profiles").isEqualTo(200);
        assertThat(stored(account.firstProfileId())).containsEntry("country", "CA");
    }

    private static String texting(UUID profile) {
        return "/profiles/" + profile + "/texting";
    }

    private static Map<String, String> form(String country, String phoneNumber, String helpText) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("country", country);
        form.put("phoneNumber", phoneNumber);
        form.put("helpText", helpText);
        return form;
    }

    /** A US number, written with its country code, that no other test uses (the registry is global). */
    static String unusedNumber() {
        return TeamFixture.uniquePhoneNumber().replaceFirst("^\\+1(\\d{3})", "+1 $1 ");
    }

    private String numberOf(UUID profile) {
        return databaseOwner().sql("SELECT phone_number FROM texting_numbers WHERE profile_id = :p").param("p", profile)
                .query(String.class).optional().orElse(null);
    }

    private Map<String, Object> stored(UUID profile) {
        return databaseOwner().sql("SELECT country, help_text FROM profiles WHERE id = :p").param("p", profile).query().singleRow();
    }

    private int textingAudits(UUID profile) {
        return databaseOwner().sql("SELECT count(*) FROM audit_log WHERE target_id = :p AND action = 'profile.texting_changed'")
                .param("p", profile.toString()).query(Integer.class).single();
    }
}
