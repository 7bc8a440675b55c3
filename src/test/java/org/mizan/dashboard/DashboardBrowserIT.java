package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: {@code mizan serve} started once on a free port over the fixtures' warehouse,
 * Debian's headless Chromium driven through the system chromedriver (nothing downloaded). Without Chromium the
 * test is skipped with a notice; under .ci/run (MIZAN_REQUIRE_SERVICES=1) it fails instead. Screenshots go to
 * target/dashboard-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MIZAN_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("MIZAN_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");

    private MizanCli cli;
    private DashboardServer server;
    private String base;
    private WebDriver browser;

    @BeforeAll
    void serve() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String notice = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): DashboardBrowserIT skipped."
                    + " Install them with: apt-get install -y chromium chromium-driver";
            if ("1".equals(System.getenv("MIZAN_REQUIRE_SERVICES"))) {
                fail(notice);
            }
            System.err.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
        // given the fixtures' warehouse, two users (a planner, Koshi's council) and mizan serve on a free port
        cli = DashboardFixture.loaded();
        server = DashboardServer.start(cli);
        base = server.base();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void signOut() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        browser.get(base + "/unit/NP-P1");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.getPageSource()).doesNotContain("Koshi");
    }

    @Test
    void overviewShowsTheFixturesNumbers() throws Exception {
        // given the planner signed in
        signIn("planner", DashboardServer.PLANNER_PASSWORD);
        // when March 2024 is chosen in the period selector
        new Select(browser.findElement(By.id("period"))).selectByValue("2024-03");
        waitFor(ExpectedConditions.urlContains("period=2024-03"));
        // then the headline is both countries' March inflow, and each region's row is its own
        String[] both = DashboardFixture.inflowSum("2024-03", "NP", "TJ");
        assertThat(headline("inflows", "amount_usd")).isEqualTo(both[0]);
        assertThat(headline("inflows", "txn_count")).isEqualTo(both[1]);
        for (String region : List.of("NP-P1", "NP-P3", "TJ-SU", "TJ-KT")) {
            List<String> cells = browser.findElements(By.cssSelector("tr[data-unit='" + region + "'] td")).stream().map(e -> e.getText()).toList();
            String[] expected = DashboardFixture.inflow(region, "2024-03");
            assertThat(cells.subList(2, 5)).as(region).containsExactly(region, expected[0], expected[1]);
        }
        // the ranking chart was drawn by ECharts, served from the jar
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.ranked .chart canvas")));
        screenshot("overview.png");
    }

    @Test
    void drillDownFromARegionToAMunicipalityShowsItsValues() throws Exception {
        signIn("planner", DashboardServer.PLANNER_PASSWORD);
        browser.get(base + "/?period=2024-03");
        // when the planner follows Koshi Province, then Dhankuta District, then Dhankuta Municipality
        browser.findElement(By.linkText("Koshi Province")).click();
        waitFor(ExpectedConditions.urlContains("/unit/NP-P1"));
        assertThat(headline("inflows", "amount_usd")).isEqualTo(DashboardFixture.inflow("NP-P1", "2024-03")[0]);
        browser.findElement(By.linkText("Dhankuta District")).click();
        waitFor(ExpectedConditions.urlContains("/unit/NP-P1-DHA"));
        browser.findElement(By.linkText("Dhankuta Municipality")).click();
        waitFor(ExpectedConditions.urlContains("/unit/NP-P1-DHA-M01"));
        // then the page is the municipality's, its breadcrumbs lead back up, and its numbers are its own
        assertThat(browser.findElement(By.cssSelector("nav.crumbs")).getText())
                .isEqualTo("National › Nepal › Koshi Province › Dhankuta District › Dhankuta Municipality");
        String[] m01 = DashboardFixture.inflow("NP-P1-DHA-M01", "2024-03");
        assertThat(headline("inflows", "amount_usd")).isEqualTo(m01[0]);
        assertThat(headline("inflows", "txn_count")).isEqualTo(m01[1]);
        // its ward, one level down, ranked with its own inflow
        assertThat(browser.findElement(By.cssSelector("tr[data-unit='NP-P1-DHA-M01-W05'] td.num")).getText())
                .isEqualTo(DashboardFixture.inflow("NP-P1-DHA-M01-W05", "2024-03")[0]);
        screenshot("drill-down-NP-P1-DHA-M01.png");
        browser.findElement(By.linkText("Dhankuta District")).click();
        waitFor(ExpectedConditions.urlContains("/unit/NP-P1-DHA?"));
    }

    @Test
    void csvDownloadEqualsTheViewsRows() {
        signIn("planner", DashboardServer.PLANNER_PASSWORD);
        browser.get(base + "/panel/inflows?period=2024-03");
        String href = browser.findElement(By.linkText("Download CSV")).getAttribute("href");
        assertThat(href).isEqualTo(base + "/panel/inflows.csv?period=2024-03");
        String csv = download(href)[1];
        // the expected rows come from expected.py; the view's own rows must be the same
        List<String> expected = DashboardFixture.inflowLines("").stream().filter(l -> l.split(",")[2].equals("2024-03")).toList();
        assertThat(csv.lines().findFirst()).contains("unit_code,level,period,amount_usd,txn_count");
        assertThat(csv.lines().skip(1).toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(csv.lines().skip(1).toList()).containsExactlyElementsOf(cli.query(
                "select unit_code, level, period, amount_usd, txn_count from remittance_inflows where period = '2024-03' order by level, unit_code, period")
                .stream().map(r -> String.join(",", r.stream().map(Csv::text).toList())).toList());
    }

    @Test
    void aRegionalUserNeverSeesAnotherRegion() {
        signIn("koshi", DashboardServer.KOSHI_PASSWORD);
        // its overview is Koshi's page
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Koshi Province");
        assertThat(browser.getPageSource()).doesNotContain("NP-P3").doesNotContain("TJ-");
        // another region's page, the country's, a guessed panel URL: 403
        for (String url : List.of("/unit/NP-P3", "/unit/TJ-SU-PNJ", "/unit/NP", "/panel/inflows?unit=NP-P3", "/panel/remittance-cost")) {
            browser.get(base + url);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(url).isEqualTo("403 Forbidden");
        }
        // a CSV of another region: 403; its own panel's CSV: its rows only
        assertThat(download(base + "/panel/inflows.csv?unit=TJ-SU")[0]).isEqualTo("403");
        assertThat(download(base + "/panel/transactions.csv?unit=NP-P3-KTM-M01")[0]).isEqualTo("403");
        String[] own = download(base + "/panel/inflows.csv");
        assertThat(own[0]).isEqualTo("200");
        assertThat(own[1].lines().skip(1).toList()).containsExactlyInAnyOrderElementsOf(DashboardFixture.inflowLines("NP-P1"));
        // the transactions panel, unfiltered, holds Koshi's only
        String tx = download(base + "/panel/transactions.csv")[1];
        assertThat(tx.lines().skip(1).toList()).isNotEmpty().allSatisfy(l -> assertThat(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[5]).startsWith("NP-P1"));
    }

    private void signIn(String user, String password) {
        browser.get(base + "/");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .user")));
    }

    private String headline(String panel, String field) {
        return browser.findElement(By.cssSelector(".headline[data-panel='" + panel + "'][data-field='" + field + "'] .value")).getText();
    }

    /** Fetches a URL in the signed-in browser: {status, body}. */
    private String[] download(String url) {
        Object r = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done([String(r.status), t]))).catch(e => done(['error', String(e)]));",
                url);
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) r;
        return list.toArray(new String[0]);
    }

    private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
