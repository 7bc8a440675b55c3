package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through the system chromedriver (nothing downloaded), for the dashboard's
 * browser tests. Without Chromium a test class is skipped with a notice; under .ci/run (MIZAN_REQUIRE_SERVICES=1)
 * it fails instead. Screenshots go to target/dashboard-screenshots/.
 */
final class Browser {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MIZAN_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("MIZAN_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");

    private final WebDriver driver;
    private String base;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** A headless Chromium, or the calling test class skipped (failed under .ci/run) when there is none. */
    static Browser startOrSkip(Class<?> test) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String notice = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): "
                    + test.getSimpleName() + " skipped. Install them with: apt-get install -y chromium chromium-driver";
            if ("1".equals(System.getenv("MIZAN_REQUIRE_SERVICES"))) {
                fail(notice);
            }
            System.err.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100");
        // the console's messages (a Content-Security-Policy violation is one), for consoleErrors()
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        Files.createDirectories(SCREENSHOTS);
        return new Browser(new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options));
    }

    /** The server's address (http://localhost:PORT); {@link #get} paths are relative to it. */
    void base(String address) {
        this.base = address;
    }

    String base() {
        return base;
    }

    WebDriver driver() {
        return driver;
    }

    void get(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("/") ? base + pathOrUrl : pathOrUrl);
    }

    /** Signs in through the form of the server's front page, and waits for the signed-in page. */
    void signIn(String user, String password) {
        get("/");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .user")));
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    /** Fetches a URL in the signed-in browser: {status, body}. */
    String[] download(String url) {
        Object r = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text().then(t => done([String(r.status), t]))).catch(e => done(['error', String(e)]));",
                        url);
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) r;
        return list.toArray(new String[0]);
    }

    /**
     * The errors the browser's console received since the last call (each read once): a script the
     * Content-Security-Policy refused, a script that failed, a resource that did not load (but the browser's own
     * request for /favicon.ico: the dashboard has no icon).
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                        || e.getMessage().contains("Content Security Policy"))
                .filter(e -> !e.getMessage().contains("/favicon.ico "))
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .toList();
    }

    void waitFor(ExpectedCondition<?> condition) {
        // a limit only against a hang: the page state appears when the page has done its work, on any machine
        new WebDriverWait(driver, Duration.ofMinutes(2)).until(condition);
    }

    /** Saves the whole page (the window stretched to the page's height for the shot) under target/dashboard-screenshots/. */
    void screenshot(String name) {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.manage()
                .window()
                .setSize(new org.openqa.selenium.Dimension(
                        size.getWidth(), Math.max(size.getHeight(), ((Number) height).intValue() + 120)));
        try {
            Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    void quit() {
        driver.quit();
    }
}
