package com.leadline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver, installed by bin/test), never a
 * browser downloaded by Selenium Manager.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("leadline.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("leadline.chromedriver", "/usr/bin/chromedriver");

    public static final By OPEN_MODAL = By.cssSelector("dialog#modal[open]");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    public Browser(int port) {
        this.baseUrl = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("leadline-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        // The console's messages (a Content-Security-Policy refusal among them) for tests that read them: browserLog().
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String pathOrUrl) {
        if (pathOrUrl.startsWith("http")) {
            java.net.URI link = java.net.URI.create(pathOrUrl);
            driver.get(baseUrl + link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
        } else {
            driver.get(baseUrl + pathOrUrl);
        }
    }

    /** The input whose visible label has this text: finds fields the way a person does. */
    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public void type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
    }

    public void press(String buttonName) {
        driver.findElement(By.xpath("//button[normalize-space()='" + buttonName + "' or @aria-label='" + buttonName
                + "' or @role='menuitem' and normalize-space()='" + buttonName + "']")).click();
    }

    /**
     * Opens a top bar menu by its button (e.g. "profile-switcher", "account-switcher") and chooses the item with
     * this text; the choice applies at once (a POST), so the caller waits for where it lands.
     */
    public void chooseFromMenu(String buttonId, String itemText) {
        driver.findElement(By.id(buttonId)).click();
        WebElement menu = waitFor(By.id(driver.findElement(By.id(buttonId)).getAttribute("aria-controls")));
        menu.findElement(By.xpath(".//*[(@role='menuitemradio' or @role='menuitem') and normalize-space()='" + itemText + "']")).click();
    }

    /** The names of a top bar menu's items (shown or not), e.g. the profiles the profile switcher offers. */
    public List<String> menuItems(String buttonId) {
        WebElement menu = driver.findElement(By.id(driver.findElement(By.id(buttonId)).getAttribute("aria-controls")));
        return menu.findElements(By.cssSelector("[role=menuitemradio], [role=menuitem]")).stream()
                .map(item -> item.getAttribute("textContent").strip()).toList();
    }

    /** Opens one of the open conversation's header popovers (data-action="assign", "close", "move", "remind"). */
    public void openThreadAction(String action) {
        WebElement button = driver.findElement(By.cssSelector("[data-action='" + action + "']"));
        if (!"true".equals(button.getAttribute("aria-expanded"))) {
            button.click();
        }
        waitFor(By.id(button.getAttribute("aria-controls")));
    }

    public void follow(String linkText) {
        driver.findElement(By.linkText(linkText)).click();
    }

    public String heading() {
        return waitFor(By.tagName("h1")).getText();
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitForHeading(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    /** Waits up to 10 s; an element that went stale meanwhile (the page moved on under the check) is looked up again. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Fills in the sign-in page and presses Sign in; the caller waits for where the person lands. */
    public void signIn(String email, String password) {
        open("/signin");
        type("Email", email);
        type("Password", password);
        press("Sign in");
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Enter on the opener and waits for the modal to open with focus on its first field (UI.md). */
    public void openModalWithKeyboard(By opener) {
        driver.findElement(opener).sendKeys(Keys.ENTER);
        waitFor(OPEN_MODAL);
        waiting().until(d -> firstFieldOfModal().equals(focused()));
    }

    /** Where an opening modal puts focus: its first field, or Cancel in a confirmation that has none. */
    public WebElement firstFieldOfModal() {
        List<WebElement> fields = driver.findElements(By.cssSelector("#modal input:not([type=hidden]), #modal select, #modal textarea"));
        return fields.isEmpty() ? driver.findElement(By.cssSelector("#modal [data-close-dialog]")) : fields.get(0);
    }

    /** Waits for the modal to close and focus to land on the target (found again if the list under it was redrawn). */
    public void awaitModalClosedWithFocusOn(By target) {
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(OPEN_MODAL));
        waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElement(target).equals(focused()));
    }

    /** The console messages logged since the last call (each read once), as "LEVEL message". */
    public List<String> browserLog() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    @Override
    public void close() {
        driver.quit();
        org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
