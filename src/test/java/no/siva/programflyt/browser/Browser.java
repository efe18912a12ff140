package no.siva.programflyt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver, headless, never downloaded (`.ci/run` installs them). A missing browser
 * fails the test with a clear message: a browser test that does not run proves nothing.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    final WebDriverWait wait;
    private final String baseUrl;

    Browser(int port) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1024", "--lang=nb");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        baseUrl = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    void login(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit][data-variant=primary]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void logout() {
        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }

    /** A phone's width (390 px, as an iPhone 12 to 15): Chromium's own window cannot be narrower than 500 px. */
    void narrow() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The desktop width of the screenshots (1 400 px). */
    void wide() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
    }

    /** True when the page is wider than the window: something forces the reader to scroll sideways. */
    long pageWidthBeyondWindow() {
        Object over = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return ((Number) over).longValue();
    }

    /** The elements that reach beyond the window without a scrolling box around them (what makes a page too wide). */
    String tooWide() {
        Object found = ((JavascriptExecutor) driver).executeScript(
                """
                        var w = document.documentElement.clientWidth, out = [];
                        document.querySelectorAll('body *').forEach(function (e) {
                          var r = e.getBoundingClientRect(), a = e.parentElement, clipped = false;
                          while (a && a !== document.body) { if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; } a = a.parentElement; }
                          var pos = getComputedStyle(e).position;
                          if ((!clipped || pos === 'absolute' || pos === 'fixed') && r.right + window.scrollX > w + 1) { out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                              + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '')
                              + ' ' + Math.round(r.right + window.scrollX)); }
                        });
                        return out.slice(0, 6).join(', ');""");
        return String.valueOf(found);
    }

    /** WCAG 2.1 A and AA rules of axe-core on the page as it is now (and a screenshot in target/screenshots). */
    void assertAccessible(String page) {
        screenshot(page);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        assertThat(results.getViolations()).as("axe-core WCAG 2.1 AA violations on " + page + ": "
                + describe(results.getViolations())).isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its rules on " + page).isNotEmpty();
    }

    private void screenshot(String page) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(page.replaceAll("[^a-zA-Z0-9æøåÆØÅ-]+", "-") + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getTarget().toString())
                .collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
