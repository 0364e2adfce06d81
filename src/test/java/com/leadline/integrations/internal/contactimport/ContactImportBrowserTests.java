package com.leadline.integrations.internal.contactimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The contacts import in Chromium (issue 18, row 20): from the Contacts page an admin uploads a CSV file, finds
 * its columns mapped by their headers, starts the import and watches it to the end, with the rows it could not
 * import listed by row number; a file that is not CSV is refused beside the field. At 360 and 1440 px
 * (screenshots with -Dleadline.screenshots=DIR), checked with axe.
 */
class ContactImportBrowserTests extends BrowserTest {

    @Test
    void anAdminUploadsMapsAndImportsAFileAndSeesTheRowsItCouldNotImport() throws Exception {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Harbour Boats");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        StringBuilder csv = new StringBuilder("Full name,Mobile,E-mail,Notes,Boat\r\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("Sailor ").append(i).append(",+1 415 5").append(100_000 + i).append(",sailor").append(i)
                    .append("@example.com,Asked about moorings,Dinghy ").append(i % 9).append("\r\n");
        }
        csv.append("Nobody Home,,,No number,Ketch\r\n");
        csv.append("Wrong Number,12ab,,,Sloop\r\n");
        csv.append("Sailor Again,(415) 510-0007,,,Yawl\r\n");
        Path file = Files.createTempFile("harbour-contacts", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path notCsv = Files.createTempFile("harbour-photo", ".png");
        Files.write(notCsv, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

        signInAndAwaitInbox(admin.email());
        browser.open("/contacts");
        browser.waitForHeading("Contacts");
        browser.follow("Import CSV");
        browser.waitForHeading("Import contacts");
        checkPage("Import contacts: upload");

        browser.field("CSV file").sendKeys(notCsv.toString());
        browser.press("Upload and preview");
        browser.waitForHeading("Import contacts");
        assertThat(browser.waitFor(By.id("import-file-error")).getText()).startsWith("Choose a .csv file");
        assertThat(browser.driver().findElement(By.cssSelector(".error-summary")).getText()).contains("Choose a .csv file");
        checkPage("Import contacts: not a CSV file");

        browser.field("CSV file").sendKeys(file.toString());
        browser.press("Upload and preview");
        browser.waitFor(By.cssSelector(".preview-table"));
        assertThat(browser.driver().findElement(By.cssSelector("main")).getText()).contains("3,003 rows under its header");
        assertThat(new Select(browser.field("Phone (required)")).getFirstSelectedOption().getText()).isEqualTo("Mobile");
        assertThat(new Select(browser.field("Name")).getFirstSelectedOption().getText()).isEqualTo("Full name");
        assertThat(new Select(browser.field("Email")).getFirstSelectedOption().getText()).isEqualTo("E-mail");
        assertThat(new Select(browser.field("Notes")).getFirstSelectedOption().getText()).isEqualTo("Notes");
        assertThat(new Select(browser.field("Import into profile")).getFirstSelectedOption().getText())
                .as("the admin's one profile, chosen").isNotEqualTo("Choose a profile");
        checkPage("Import contacts: preview and mapping");

        new Select(browser.field("Notes")).selectByVisibleText("Not imported");
        browser.press("Start import");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.id("import-status"), "Import finished"));
        assertThat(browser.driver().findElement(By.cssSelector(".import-live")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.driver().findElement(By.cssSelector(".import-counts")).getText())
                .contains("New contacts\n3,000", "Updated\n0", "Not imported\n3");
        assertThat(browser.driver().findElements(By.cssSelector(".import-panel tbody tr")).stream().map(row -> row.getText()).toList())
                .containsExactly("3002 Phone The phone number is missing.",
                        "3003 Phone Not a phone number we can text (numbers without + are read as numbers of US). 12ab",
                        "3004 Phone The same phone number as row 9. (415) 510-0007");
        assertThat(browser.driver().findElement(By.linkText("Download rows not imported (CSV)")).getAttribute("href"))
                .endsWith("/errors.csv");
        checkPage("Import contacts: finished, with rows not imported");
        assertThat(databaseOwner().sql("SELECT count(*) FROM contacts WHERE profile_id = :p AND notes = ''")
                .param("p", account.firstProfileId()).query(Integer.class).single()).as("notes not mapped, not imported").isEqualTo(3_000);
    }

    private static void checkPage(String page) {
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        PhoneWidth.assertNoSidewaysScrolling(browser, page + " at 1440 px");
        Accessibility.assertNoSeriousViolations(browser, page + " at 1440 px");
    }
}
