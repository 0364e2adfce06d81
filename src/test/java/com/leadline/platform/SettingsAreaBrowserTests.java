package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Settings area in Chromium (issue 20): the owner reaches it from the left navigation and every group from it; an
 * admin has no Billing; a team member sees only their own settings, the embed code and shortcuts. At 360 and 1440 px
 * (screenshots with -Dleadline.screenshots=DIR), checked with axe.
 */
class SettingsAreaBrowserTests extends BrowserTest {

    /** Each group the owner opens and the heading of the page it leads to. */
    private static final Map<String, String> OWNERS_GROUPS = new LinkedHashMap<>();

    static {
        OWNERS_GROUPS.put("Your settings", "Your settings");
        OWNERS_GROUPS.put("Team", "Team");
        OWNERS_GROUPS.put("Profiles", "Profiles");
        OWNERS_GROUPS.put("Leadbox", "Leadbox");
        OWNERS_GROUPS.put("Auto replies", "Profiles");
        OWNERS_GROUPS.put("Phone numbers", "Profiles");
        OWNERS_GROUPS.put("Shortcuts", "Shortcuts");
        OWNERS_GROUPS.put("Integrations", "Integrations");
        OWNERS_GROUPS.put("Audit log", "Audit log");
        OWNERS_GROUPS.put("Billing", "Billing");
    }

    @Test
    void theOwnerReachesEveryGroupFromTheAreaAnAdminSeesNoBillingAndATeamMemberOnlyTheirOwn() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Settings Orchard");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());

        signInAndAwaitInbox(account.owner().email());
        browser.driver().findElement(By.cssSelector("nav.side-nav a[href='/settings']")).click();
        browser.waitForHeading("Settings");
        assertThat(browser.driver().findElement(By.cssSelector("nav.side-nav a[aria-current=page]")).getText()).isEqualTo("Settings");
        assertThat(groupNames()).containsExactlyElementsOf(OWNERS_GROUPS.keySet());
        checkPage("Settings area: the owner");
        OWNERS_GROUPS.forEach((group, heading) -> {
            WebElement open = browser.driver().findElement(By.linkText("Open " + group));
            open.click();
            browser.waitForHeading(heading);
            browser.open("/settings");
            browser.waitForHeading("Settings");
        });

        browser.driver().manage().deleteAllCookies();
        signInAndAwaitInbox(admin.email());
        browser.open("/settings");
        browser.waitForHeading("Settings");
        assertThat(groupNames()).as("S34: all but Billing").containsExactlyElementsOf(
                OWNERS_GROUPS.keySet().stream().filter(group -> !group.equals("Billing")).toList());
        assertThat(browser.driver().findElements(By.linkText("Open Billing"))).isEmpty();

        browser.driver().manage().deleteAllCookies();
        signInAndAwaitInbox(member.email());
        browser.driver().findElement(By.cssSelector("nav.side-nav a[href='/settings']")).click();
        browser.waitForHeading("Settings");
        assertThat(groupNames()).as("S42").containsExactly("Your settings", "Leadbox", "Shortcuts");
        checkPage("Settings area: a team member");
        browser.driver().findElement(By.linkText("Open Leadbox")).click();
        browser.waitForHeading("Leadbox");
        assertThat(browser.driver().findElements(By.cssSelector("main button")).stream().map(WebElement::getText).toList())
                .as("the embed code to copy, nothing to edit").allMatch(text -> text.startsWith("Copy"));
    }

    /** A read-only partner: the groups they may read, each with its change control disabled and the reason (axe-checked). */
    @Test
    void aReadOnlyPartnerSeesTheGroupsTheyMayReadWithTheirChangeControlsDisabled() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account client = fixture.openAccount("Settings Lakeside");
        signUpAgencyWorkingIn(client.id(), "Settings Growth Partners", "read_only");
        browser.open("/partners");
        browser.waitForHeading("Partner console");
        browser.chooseFromMenu("account-switcher", "Settings Lakeside");
        browser.waitFor(By.id("profile-switcher"));
        browser.driver().findElement(By.cssSelector("nav.side-nav a[href='/settings']")).click();
        browser.waitForHeading("Settings");
        assertThat(groupNames()).containsExactly("Your settings", "Team", "Profiles", "Leadbox", "Auto replies", "Phone numbers", "Audit log");
        List<WebElement> disabled = browser.driver().findElements(By.cssSelector("[data-settings-group] button[aria-disabled=true]"));
        assertThat(disabled).extracting(WebElement::getText)
                .containsExactly("Change Team", "Change Profiles", "Change Leadbox", "Change Auto replies", "Change Phone numbers");
        assertThat(disabled).allMatch(button -> button.getAttribute("title").contains("read-only access"));
        checkPage("Settings area: a read-only partner");
    }

    private static List<String> groupNames() {
        return browser.driver().findElements(By.cssSelector("[data-settings-group] h2")).stream().map(WebElement::getText).toList();
    }

    private static void checkPage(String page) {
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        PhoneWidth.assertNoSidewaysScrolling(browser, page + " at 1440 px");
        Accessibility.assertNoSeriousViolations(browser, page + " at 1440 px");
        PhoneWidth.screenshots(browser, page);
    }
}
