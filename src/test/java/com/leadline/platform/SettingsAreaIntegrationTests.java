package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.team.PartnerAccess;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.StaffSignIn;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The account's Settings area, {@code /settings} (issue 20; S31, S34, S42): every column of the permission matrix gets
 * exactly the groups it may open, each linking to the page that holds it; read-only partners get the groups they may
 * read with the change control disabled and the reason; team members get their own settings, the embed code and shortcuts,
 * and the pages of the other groups refuse them.
 */
class SettingsAreaIntegrationTests extends IntegrationTest {

    private static final String YOURS = "Your settings:open";
    private static final List<String> OWNERS = List.of(YOURS, "Team:open", "Profiles:open", "Leadbox:open", "Auto replies:open",
            "Phone numbers:open", "Shortcuts:open", "Integrations:open", "Audit log:open", "Billing:open");
    private static final List<String> ADMINS = OWNERS.stream().filter(group -> !group.startsWith("Billing")).toList();

    @Test
    void everyColumnSeesExactlyTheGroupsItMayOpen() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Settings Sawmill");
        UUID east = fixture.addProfile(account, "Settings Sawmill East");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        TeamFixture.Member adminElsewhere = fixture.join(account.owner(), "admin", east);
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());

        assertThat(groups(account.owner().session())).as("S31: the owner, every group").containsExactlyElementsOf(OWNERS);
        assertThat(groups(admin.session())).as("S34: an admin, all but Billing").containsExactlyElementsOf(ADMINS);
        assertThat(groups(adminElsewhere.session())).as("S34: an admin of another profile alike").containsExactlyElementsOf(ADMINS);
        assertThat(groups(member.session())).as("S42: a team member, their own settings, the embed code and shortcuts")
                .containsExactly(YOURS, "Leadbox:open", "Shortcuts:open");
        assertThat(groups(fixture.partnerWorkingIn(account.id(), "admin"))).as("a partner at Admin level, as an admin")
                .containsExactlyElementsOf(ADMINS);
        assertThat(groups(fixture.partnerWorkingIn(account.id(), "read_only"))).as("a read-only partner: what they may read")
                .containsExactly(YOURS, "Team:read-only", "Profiles:read-only", "Leadbox:read-only", "Auto replies:read-only",
                        "Phone numbers:read-only", "Audit log:open");
        assertThat(groups(fixture.openAccount("Settings Elsewhere").owner().session())).as("another account's owner, in their own")
                .containsExactlyElementsOf(OWNERS);

        assertThat(visitor().get("/settings").location()).as("anonymous").endsWith("/signin");
        WebSession staff = visitor();
        StaffSignIn.signIn(staff, databaseOwner(), clock);
        assertThat(staff.get("/settings").status()).as("support staff are no customer").isEqualTo(403);
        TeamFixture.Member gone = fixture.join(account.owner(), "member", account.firstProfileId());
        assertThat(account.owner().session().api("POST", "/api/v1/team/members/" + gone.id() + "/deactivation", null).status()).isEqualTo(204);
        assertThat(gone.session().get("/settings").location()).as("deactivated").endsWith("/signin");
    }

    @Test
    void eachGroupLinksToThePageThatHoldsItAndTheOwnerReachesThem() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        WebSession owner = fixture.openAccount("Settings Links").owner().session();
        Document area = owner.get("/settings").document();
        assertThat(area.select("h1").eachText()).containsExactly("Settings");
        assertThat(links(area)).containsExactlyEntriesOf(orderedMap(
                "Your settings", "/settings/me", "Team", "/team", "Profiles", "/profiles", "Leadbox", "/leadbox",
                "Auto replies", "/profiles", "Phone numbers", "/profiles", "Shortcuts", "/shortcuts",
                "Integrations", "/settings/integrations", "Audit log", "/settings/audit-log", "Billing", "/settings/billing"));
        for (Element group : area.select("[data-settings-group]")) {
            assertThat(group.select("p").first().text()).as(group.attr("data-settings-group") + " says what is there").isNotBlank();
        }
        links(area).forEach((group, path) -> assertThat(owner.get(path).status()).as(group + " at " + path).isEqualTo(200));
        assertThat(area.select("nav.side-nav a[aria-current=page]").eachText()).as("the left navigation's Settings").containsExactly("Settings");
        assertThat(owner.get("/settings/integrations").document().select("nav.side-nav a[aria-current=page]").eachText())
                .containsExactly("Settings");
        assertThat(owner.get("/settings/me").document().select("nav.side-nav a[aria-current=page]")).as("Your settings is the account menu's")
                .isEmpty();
    }

    @Test
    void aTeamMemberOpensTheirGroupsAndTheOthersPagesRefuseThem() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Settings Refusals");
        WebSession member = fixture.join(account.owner(), "member", account.firstProfileId()).session();
        Document area = member.get("/settings").document();
        assertThat(links(area)).containsExactlyEntriesOf(orderedMap("Your settings", "/settings/me", "Leadbox", "/leadbox", "Shortcuts", "/shortcuts"));
        links(area).values().forEach(path -> assertThat(member.get(path).status()).as(path).isEqualTo(200));
        assertThat(area.select("[data-settings-group=Leadbox] p").first().text()).contains("embed code");
        // S42: the pages where the other groups are changed refuse a team member (every route: TeamAuthorizationMatrixTests).
        for (String path : List.of("/team/members/new", "/profiles/new", "/profiles/" + account.firstProfileId() + "/edit",
                "/leadbox/profiles/" + account.firstProfileId(), "/settings/integrations", "/settings/audit-log")) {
            assertThat(member.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(area.select("[aria-disabled=true]")).as("nothing disabled: what they may not open is absent").isEmpty();
    }

    @Test
    void aReadOnlyPartnerSeesWhatTheyMayReadWithTheChangeControlsDisabledAndTheReason() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Settings Read Only");
        WebSession partner = fixture.partnerWorkingIn(account.id(), "read_only");
        Document area = partner.get("/settings").document();
        assertThat(area.select("#read-only-reason").text()).isEqualTo(PartnerAccess.READ_ONLY_REASON);
        for (Element group : area.select("[data-access=read-only]")) {
            String name = group.attr("data-settings-group");
            Element change = group.selectFirst("button");
            assertThat(change.text()).isEqualTo("Change " + name);
            assertThat(change.attr("aria-disabled")).isEqualTo("true");
            assertThat(change.attr("aria-describedby")).isEqualTo("read-only-reason");
            assertThat(change.attr("title")).isEqualTo(PartnerAccess.READ_ONLY_REASON);
            assertThat(group.select("a.button").text()).isEqualTo("View " + name);
            assertThat(partner.get(group.select("a.button").attr("href")).status()).as(name + " is theirs to read").isEqualTo(200);
        }
        assertThat(area.select("[data-access=read-only]")).hasSize(5);
        assertThat(area.select("[data-access=open] [aria-disabled]")).as("their own settings and the audit log are theirs").isEmpty();
        assertThat(partner.get("/settings/integrations").status()).as("Integrations, which they may not read, is absent").isEqualTo(403);
    }

    /** Each group as "name:access", in the order the area shows them. */
    private static List<String> groups(WebSession session) {
        WebSession.Page page = session.get("/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.heading()).isEqualTo("Settings");
        return page.document().select("[data-settings-group]").stream()
                .map(group -> group.attr("data-settings-group") + ":" + group.attr("data-access")).toList();
    }

    private static Map<String, String> links(Document area) {
        Map<String, String> links = new LinkedHashMap<>();
        area.select("[data-settings-group]").forEach(group -> links.put(group.attr("data-settings-group"), group.select("a.button").attr("href")));
        return links;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
