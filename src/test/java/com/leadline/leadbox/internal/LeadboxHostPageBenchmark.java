package com.leadline.leadbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.leadbox.LeadboxSeeding;
import com.leadline.platform.Tenancy;
import com.leadline.testing.Browser;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17, "Host page cost" (docs/BENCHMARKS.md, "Leadbox widget weight and host-page cost"): a business's
 * page with the launcher (the local demo page, on another origin than Leadline's) in headless Chromium, with
 * a PerformanceObserver for long tasks registered before any of the page's scripts; it waits for the
 * launcher, then presses it and waits for the panel, and reports the long tasks and what went over the
 * wire (Resource Timing). Each run is a cold load (browser cache off), at full speed and with the CPU
 * slowed down 4 times (Chromium's emulation of a mid-range phone). Not part of the test suite (its name
 * does not end in Tests):
 * {@code ./mvnw -B -o -q test -Dtest=LeadboxHostPageBenchmark} (figures in target/leadbox-host-page-benchmark.md).
 */
class LeadboxHostPageBenchmark extends IntegrationTest {

    private static final int RUNS = Integer.getInteger("leadline.benchmark.runs", 5);
    private static final String OBSERVER = """
            window.__cost = {longTasks: []};
            new PerformanceObserver(list => list.getEntries().forEach(task =>
                    window.__cost.longTasks.push({start: task.startTime, duration: task.duration})))
                .observe({type: 'longtask', buffered: true});
            new MutationObserver((changes, observer) => {
                if (document.querySelector('leadline-leadbox')) {
                    window.__cost.launcherAt = performance.now();
                    observer.disconnect();
                }
            }).observe(document, {childList: true, subtree: true});""";

    @Autowired
    LeadboxStore leadboxes;
    @Autowired
    LeadboxSeeding seeding;
    @Autowired
    Tenancy tenancy;
    @Autowired
    TransactionTemplate transactions;

    record Run(int throttle, List<Map<String, Object>> loadTasks, List<Map<String, Object>> openTasks, Map<String, Object> launcher,
               Map<String, Object> config, Map<String, Object> panel, double launcherShownAt, double panelShownAt) {
    }

    @Test
    void theLauncherCostsTheHostPageNoLongTaskAndAFewKilobytes() throws IOException {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Benchmark Bakery");
        String page = "http://127.0.0.1:" + port + "/dev/leadbox?key=" + leadboxAllowing(account, "http://127.0.0.1:" + port).widgetKey();
        List<Run> runs = new ArrayList<>();
        try (Browser browser = new Browser(port)) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            for (int throttle : new int[] {1, 4}) {
                chrome.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", throttle));
                for (int i = 0; i < RUNS + 1; i++) {
                    Run run = measure(chrome, page, throttle);
                    if (i > 0) { // the first load of each setting warms Chromium up, unmeasured
                        runs.add(run);
                    }
                }
            }
            chrome.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
        }
        String report = report(runs);
        System.out.println(report);
        Files.writeString(Path.of("target/leadbox-host-page-benchmark.md"), report);

        assertThat(runs).allSatisfy(run -> assertThat(run.loadTasks()).as("long tasks while the launcher loads (x%s CPU)", run.throttle())
                .filteredOn(task -> run.throttle() == 1).isEmpty());
        assertThat(WidgetWeightTests.gzippedSize(WidgetWeightTests.LAUNCHER)).isLessThanOrEqualTo(5 * 1024);
    }

    @SuppressWarnings("unchecked")
    private Run measure(ChromeDriver chrome, String page, int throttle) {
        chrome.get(page);
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        wait.until(d -> script(d, "return !!window.__cost && !!window.__cost.launcherAt;"));
        pause(chrome, 500); // a task still running after the launcher showed would be reported with it
        List<Map<String, Object>> loadTasks = (List<Map<String, Object>>) script(chrome, "return window.__cost.longTasks.slice();");
        Map<String, Object> launcher = resource(chrome, "/leadbox.js");
        Map<String, Object> config = resource(chrome, "/widget/v1/");
        double shownAt = ((Number) script(chrome, "return window.__cost.launcherAt;")).doubleValue();

        // Pressed, then checked every frame until the panel is shown: milliseconds from the press to the panel.
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        double pressedAt = ((Number) script(chrome, "return performance.now();")).doubleValue();
        double panelAfter = ((Number) chrome.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const root = document.querySelector('leadline-leadbox').shadowRoot;
                const pressed = performance.now();
                root.querySelector('.launcher').click();
                (function check() {
                    const panel = root.querySelector('[role=dialog]');
                    if (panel && !panel.hidden) done(performance.now() - pressed); else requestAnimationFrame(check);
                })();""")).doubleValue();
        pause(chrome, 500);
        List<Map<String, Object>> openTasks = ((List<Map<String, Object>>) script(chrome, "return window.__cost.longTasks.slice();"))
                .stream().filter(task -> ((Number) task.get("start")).doubleValue() >= pressedAt - 1).toList();
        return new Run(throttle, loadTasks, openTasks, launcher, config, resource(chrome, "/widget/panel.js"), shownAt, panelAfter);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(ChromeDriver chrome, String path) {
        return (Map<String, Object>) script(chrome, """
                const r = performance.getEntriesByType('resource').find(e => new URL(e.name).pathname.startsWith(arguments[0]));
                return r ? {transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize,
                            duration: r.duration} : null;""", path);
    }

    private static Object script(org.openqa.selenium.WebDriver driver, String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private static void pause(ChromeDriver chrome, long millis) {
        new org.openqa.selenium.interactions.Actions(chrome).pause(Duration.ofMillis(millis)).perform();
    }

    private String report(List<Run> runs) throws IOException {
        StringBuilder out = new StringBuilder();
        int launcherGz = WidgetWeightTests.gzippedSize(WidgetWeightTests.LAUNCHER);
        int panelGz = WidgetWeightTests.gzippedSize(WidgetWeightTests.PANEL);
        out.append("Leadbox host-page cost, ").append(Instant.now()).append(", ").append(runs.size() / 2)
                .append(" cold loads per CPU setting\n\n");
        out.append(String.format("files: leadbox.js %d B (%d B gzipped), widget/panel.js %d B (%d B gzipped), together %d B gzipped%n%n",
                Files.size(WidgetWeightTests.LAUNCHER), launcherGz, Files.size(WidgetWeightTests.PANEL), panelGz, launcherGz + panelGz));
        out.append("| CPU | run | long tasks while loading (count, max ms) | launcher shown at (ms after navigation start) | "
                + "leadbox.js transfer / encoded / decoded B | config transfer B | long tasks on opening (count, max ms) | "
                + "panel shown (ms after press) | panel.js transfer / encoded / decoded B |\n|---|---|---|---|---|---|---|---|---|\n");
        int n = 0;
        for (Run run : runs) {
            n = n % RUNS + 1;
            out.append(String.format("| x%d | %d | %s | %.0f | %s | %s | %s | %.0f | %s |%n", run.throttle(), n, tasks(run.loadTasks()),
                    run.launcherShownAt(), sizes(run.launcher()), run.config() == null ? "-" : run.config().get("transfer"),
                    tasks(run.openTasks()), run.panelShownAt(), sizes(run.panel())));
        }
        return out.toString();
    }

    private static String tasks(List<Map<String, Object>> tasks) {
        double max = tasks.stream().mapToDouble(task -> ((Number) task.get("duration")).doubleValue()).max().orElse(0);
        return tasks.size() + (tasks.isEmpty() ? "" : String.format(", %.0f", max));
    }

    private static String sizes(Map<String, Object> resource) {
        return resource == null ? "-" : resource.get("transfer") + " / " + resource.get("encoded") + " / " + resource.get("decoded");
    }

    /** The owner's first profile's Leadbox, on and usable from exactly these websites, as the seeding port leaves it. */
    private Leadbox leadboxAllowing(TeamFixture.Account owner, String origin) {
        return transactions.execute(status -> tenancy.inAccount(owner.id(), () -> {
            String key = seeding.openTo(owner.id(), owner.firstProfileId(), "Benchmark Bakery", List.of(origin));
            return leadboxes.find(leadboxes.route(key).orElseThrow().leadboxId()).orElseThrow();
        }));
    }
}
