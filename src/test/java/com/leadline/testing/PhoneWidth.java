package com.leadline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A page seen on a phone: nothing scrolls sideways and the account menu and its items can be used. */
public final class PhoneWidth {

    public static final int PHONE = 360;
    public static final int DESKTOP = 1440;

    private PhoneWidth() {
    }

    /** The viewport (not the window) made {@code width} CSS pixels wide, as a phone's is. */
    public static void viewportWidth(Browser browser, int width) {
        viewport(browser, width, 740);
    }

    /** The viewport (not the window) made {@code width} by {@code height} CSS pixels. */
    public static void viewport(Browser browser, int width, int height) {
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        Dimension window = browser.driver().manage().window().getSize();
        long inner = ((Number) script.executeScript("return window.innerWidth;")).longValue();
        long innerHeight = ((Number) script.executeScript("return window.innerHeight;")).longValue();
        browser.driver().manage().window().setSize(new Dimension(
                window.getWidth() - (int) inner + width, window.getHeight() - (int) innerHeight + height));
        assertThat(((Number) script.executeScript("return window.innerWidth;")).intValue()).isEqualTo(width);
        assertThat(((Number) script.executeScript("return window.innerHeight;")).intValue()).isEqualTo(height);
    }

    /**
     * With {@code -Dleadline.screenshots=DIR}, saves the page as seen at 360 and at 1440 px wide (whole
     * page height) for a person to look at; otherwise does nothing.
     */
    public static void screenshots(Browser browser, String page) {
        screenshots(browser, page, () -> { });
    }

    /** {@link #screenshots(Browser, String)}, running {@code beforeEachShot} at each width (to scroll a part into view). */
    public static void screenshots(Browser browser, String page, Runnable beforeEachShot) {
        String folder = System.getProperty("leadline.screenshots");
        if (folder == null) {
            return;
        }
        String name = page.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        int width = ((Number) script.executeScript("return window.innerWidth;")).intValue();
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(folder));
            for (int shotWidth : new int[] {PHONE, DESKTOP}) {
                viewportWidth(browser, shotWidth);
                beforeEachShot.run();
                byte[] png = ((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                java.nio.file.Files.write(java.nio.file.Path.of(folder, name + "-" + shotWidth + ".png"), png);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        viewportWidth(browser, width);
    }

    /** Nothing scrolls sideways and every control shown is inside the screen (screenshots when asked for). */
    public static void assertFits(Browser browser, String page) {
        screenshots(browser, page);
        assertNoSidewaysScrolling(browser, page);
        assertControlsInsideViewport(browser, page);
    }

    /** No horizontal scrolling: the document is no wider than the viewport. */
    public static void assertNoSidewaysScrolling(Browser browser, String page) {
        @SuppressWarnings("unchecked")
        Map<String, Number> widths = (Map<String, Number>) ((JavascriptExecutor) browser.driver()).executeScript("""
                return {document: document.documentElement.scrollWidth, body: document.body.scrollWidth,
                        viewport: window.innerWidth};""");
        assertThat(widths.get("document").intValue()).as("%s: document width %s in a viewport %s wide", page, widths, widths.get("viewport"))
                .isLessThanOrEqualTo(widths.get("viewport").intValue());
        assertThat(widths.get("body").intValue()).as("%s: body width %s", page, widths)
                .isLessThanOrEqualTo(widths.get("viewport").intValue());
    }

    /** Every control that is shown lies wholly inside the viewport's width (none cut off at the right edge). */
    public static void assertControlsInsideViewport(Browser browser, String page) {
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const width = window.innerWidth;
                return Array.from(document.querySelectorAll(
                        'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]'))
                    .filter(control => !control.classList.contains('skip-link') && control.checkVisibility())
                    .filter(control => {
                        const box = control.getBoundingClientRect();
                        return box.width > 0 && (box.left < 0 || box.right > width + 0.5);
                    })
                    .map(control => control.outerHTML.substring(0, 160));""");
        assertThat(outside).as("%s: controls outside a viewport %s px wide", page, browser.driver().manage().window().getSize())
                .isEmpty();
    }

    /**
     * The account menu button and every item of its menu are shown, inside the viewport and on top (the
     * element a click at their centre would reach); the menu closes again with Escape.
     */
    public static void assertAccountMenuReachable(Browser browser, String page) {
        WebElement button = browser.driver().findElement(By.id("account-menu-button"));
        assertReachable(browser, button, page + ": the account menu button");
        button.click();
        List<WebElement> items = browser.driver().findElements(By.cssSelector("#account-menu [role=menuitem]"));
        assertThat(items).as("%s: menu items", page).isNotEmpty();
        for (WebElement item : items) {
            assertReachable(browser, item, page + ": the account menu's " + item.getText());
        }
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(browser.driver().findElement(By.id("account-menu")).isDisplayed()).as("%s: menu closed by Escape", page).isFalse();
    }

    /** Shown, wholly inside the viewport, and the topmost element at its centre (so a tap reaches it). */
    public static void assertReachable(Browser browser, WebElement element, String what) {
        assertThat(element.isDisplayed()).as("%s is shown", what).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> place = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const element = arguments[0];
                element.scrollIntoView({block: 'nearest', inline: 'nearest'});
                const box = element.getBoundingClientRect();
                const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                return {left: box.left, right: box.right, viewport: window.innerWidth,
                        onTop: hit !== null && (hit === element || element.contains(hit))};""", element);
        double left = ((Number) place.get("left")).doubleValue();
        double right = ((Number) place.get("right")).doubleValue();
        double viewport = ((Number) place.get("viewport")).doubleValue();
        assertThat(left).as("%s: left edge inside the viewport (%s)", what, place).isGreaterThanOrEqualTo(0);
        assertThat(right).as("%s: right edge inside the viewport (%s)", what, place).isLessThanOrEqualTo(viewport);
        assertThat(place.get("onTop")).as("%s: nothing covers it (%s)", what, place).isEqualTo(true);
    }
}
