package cn.gongkai.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium (stack.md §4), at the size of a 1366×768 office screen, with a fresh
 * profile. Where Chromium is missing the browser tests are skipped with a message, except under {@code CI=true},
 * where they fail.
 */
final class Browser implements AutoCloseable {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    final String base;

    private Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("gongkai-chromium-");
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,768", "--lang=zh-CN", "--user-data-dir=" + profile);
        // the browser's console, to see what the Content-Security-Policy refused
        o.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        this.driver = new ChromeDriver(service, o);
    }

    /** Starts a browser, or skips the test class when there is none (fails instead under CI=true). */
    static Browser start(String base) throws IOException {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: .ci/run must install chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "Chromium not installed (apt-get install -y chromium chromium-driver "
                + "fonts-noto-cjk): console browser tests skipped");
        return new Browser(base);
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * A wait of at most 20 s that checks every 50 ms, not Selenium's default 500 ms: a condition that is not yet true
     * at the first check (a page still loading after a click) then costs the time it takes, not half a second more.
     */
    WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    void click(String css) {
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Clicks a button that submits a form and waits until the next page has replaced this one. */
    void submit(String css) {
        // A marker in the old page's window object, not stalenessOf(html): while Chromium swaps documents,
        // chromedriver sometimes answers an element query with "unknown error: Node with given id does not belong
        // to the document" instead of a stale-element error, which stalenessOf does not treat as stale.
        String marker = java.util.UUID.randomUUID().toString();
        driver.executeScript("window.gongkaiTestPage = arguments[0];", marker);
        click(css);
        waitFor().ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            Object[] state = ((java.util.List<?>) driver.executeScript(
                    "return [window.gongkaiTestPage || null, document.readyState];")).toArray();
            return !marker.equals(state[0]) && "complete".equals(state[1]);
        });
    }

    void login(String name, String password) {
        open("/login");
        type("input[name=name]", name);
        type("input[name=password]", password);
        submit("#login");
        waitFor().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void logout() {
        submit("header form button");
        waitFor().until(ExpectedConditions.urlContains("/login"));
    }

    /** The browser console's messages about the Content-Security-Policy since the last call. */
    java.util.List<String> policyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    String text(String css) {
        return find(css).getText();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
