package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser ({@link Browser}: Debian's headless Chromium): {@code mizan serve} started once
 * on a free port over the fixtures' warehouse. Screenshots go to target/dashboard-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private MizanCli cli;
    private DashboardServer server;
    private String base;
    private Browser b;
    private org.openqa.selenium.WebDriver browser;

    @BeforeAll
    void serve() throws Exception {
        b = Browser.startOrSkip(getClass());
        browser = b.driver();
        // given the fixtures' warehouse, two users (a planner, Koshi's council) and mizan serve on a free port
        cli = DashboardFixture.loaded();
        server = DashboardServer.start(cli);
        base = server.base();
        b.base(base);
    }

    @AfterEach
    void signOut() {
        if (b != null) {
            b.signOut();
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (b != null) {
            b.quit();
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
    void overviewShowsTheFixturesNumbers() {
        // given the planner signed in
        signIn("planner", DashboardServer.PLANNER_PASSWORD);
        // when the overview opens, its period is the latest year the views hold
        assertThat(new Select(browser.findElement(By.id("period")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("2024");
        // then each country's headline is its inflow over the months of 2024
        for (String country : List.of("NP", "TJ")) {
            String[] expected = DashboardFixture.inflowInYear(country, "2024");
            assertThat(headline(country, "inflows", "amount_usd"))
                    .as(country)
                    .isEqualTo(DashboardFixture.money(expected[0]));
            assertThat(headline(country, "inflows", "txn_count")).as(country).isEqualTo(expected[1]);
        }
        for (String region : List.of("NP-P1", "NP-P3", "TJ-SU", "TJ-KT")) {
            List<String> cells =
                    browser.findElements(By.cssSelector("section.ranked tr[data-unit='" + region + "'] td")).stream()
                            .map(e -> e.getText())
                            .toList();
            String[] expected = DashboardFixture.inflowInYear(region, "2024");
            assertThat(cells.subList(2, 5))
                    .as(region)
                    .containsExactly(region, DashboardFixture.money(expected[0]), expected[1]);
        }
        // the ranking chart was drawn by ECharts, served from the jar
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.ranked .chart canvas")));
        screenshot("overview.png");
    }

    @Test
    void drillDownFromARegionToAMunicipalityShowsItsValues() {
        signIn("planner", DashboardServer.PLANNER_PASSWORD);
        browser.get(base + "/?period=2024-03");
        // when the planner follows Koshi Province, then Dhankuta District, then Dhankuta Municipality
        browser.findElement(By.linkText("Koshi Province")).click();
        waitFor(ExpectedConditions.urlContains("/unit/NP-P1"));
        assertThat(headline("inflows", "amount_usd"))
                .isEqualTo(DashboardFixture.money(DashboardFixture.inflow("NP-P1", "2024-03")[0]));
        browser.findElement(By.linkText("Dhankuta District")).click();
        waitFor(ExpectedConditions.urlContains("/unit/NP-P1-DHA"));
        browser.findElement(By.linkText("Dhankuta Municipality")).click();
        waitFor(ExpectedConditions.urlContains("/unit/NP-P1-DHA-M01"));
        // then the page is the municipality's, its breadcrumbs lead back up, and its numbers are its own
        assertThat(browser.findElement(By.cssSelector("nav.crumbs")).getText())
                .isEqualTo("National › Nepal › Koshi Province › Dhankuta District › Dhankuta Municipality");
        String[] m01 = DashboardFixture.inflow("NP-P1-DHA-M01", "2024-03");
        assertThat(headline("inflows", "amount_usd")).isEqualTo(DashboardFixture.money(m01[0]));
        assertThat(headline("inflows", "txn_count")).isEqualTo(m01[1]);
        // its ward, one level down, ranked with its own inflow
        assertThat(browser.findElement(By.cssSelector("section.ranked tr[data-unit='NP-P1-DHA-M01-W05'] td.num"))
                        .getText())
                .isEqualTo(DashboardFixture.money(DashboardFixture.inflow("NP-P1-DHA-M01-W05", "2024-03")[0]));
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
        List<String> expected = DashboardFixture.inflowLines("").stream()
                .filter(l -> l.split(",")[2].equals("2024-03"))
                .toList();
        assertThat(csv.lines().findFirst()).contains("unit_code,level,period,amount_usd,txn_count");
        assertThat(csv.lines().skip(1).toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(csv.lines().skip(1).toList())
                .containsExactlyElementsOf(cli
                        .query(
                                "select unit_code, level, period, amount_usd, txn_count from remittance_inflows where period = '2024-03' order by level, unit_code, period")
                        .stream()
                        .map(r -> String.join(",", r.stream().map(Csv::text).toList()))
                        .toList());
    }

    @Test
    void aRegionalUserNeverSeesAnotherRegion() {
        signIn("koshi", DashboardServer.KOSHI_PASSWORD);
        // its overview is Koshi's page
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Koshi Province — 2024");
        assertThat(browser.getPageSource()).doesNotContain("NP-P3").doesNotContain("TJ-");
        // another region's page, the country's, a guessed panel URL: 403
        for (String url : List.of(
                "/unit/NP-P3", "/unit/TJ-SU-PNJ", "/unit/NP", "/panel/inflows?unit=NP-P3", "/panel/remittance-cost")) {
            browser.get(base + url);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(url).isEqualTo("403 Forbidden");
        }
        // a CSV of another region: 403; its own panel's CSV: its rows only
        assertThat(download(base + "/panel/inflows.csv?unit=TJ-SU")[0]).isEqualTo("403");
        assertThat(download(base + "/panel/transactions.csv?unit=NP-P3-KTM-M01")[0])
                .isEqualTo("403");
        String[] own = download(base + "/panel/inflows.csv");
        assertThat(own[0]).isEqualTo("200");
        assertThat(own[1].lines().skip(1).toList())
                .containsExactlyInAnyOrderElementsOf(DashboardFixture.inflowLines("NP-P1"));
        // the transactions panel, unfiltered, holds Koshi's only
        String tx = download(base + "/panel/transactions.csv")[1];
        assertThat(tx.lines().skip(1).toList())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[5])
                        .startsWith("NP-P1"));
    }

    @Test
    void pagesShowNumbersFormattedForReadingWithTheFullValueInTheTooltip() {
        signIn("planner", DashboardServer.PLANNER_PASSWORD);
        // the overview, a region, a municipality: money with two decimals and thousands separators, the full value kept
        for (String[] page : new String[][] {
            {"/?period=2024", "NP", "readable-overview.png"},
            {"/unit/NP-P1?period=2024", "NP-P1", "readable-region-NP-P1.png"},
            {"/unit/NP-P1-DHA-M01?period=2024", "NP-P1-DHA-M01", "readable-municipality-NP-P1-DHA-M01.png"}
        }) {
            b.get(page[0]);
            String raw = DashboardFixture.inflowInYear(page[1], "2024")[0];
            var value = b.find(".headline[data-unit='" + page[1]
                    + "'][data-panel='inflows'][data-field='amount_usd'] .value span.n");
            assertThat(value.getText()).as(page[1]).isEqualTo(DashboardFixture.money(raw));
            assertThat(new java.math.BigDecimal(value.getAttribute("title")))
                    .as(page[1])
                    .isEqualByComparingTo(raw);
            screenshot(page[2]);
        }
        // a panel page: the table's money and percentages formatted, its CSV download at full precision
        b.get("/panel/inflows?unit=NP-P1&period=2024-03");
        var cell = b.find("table.rows tbody tr td.num span.n");
        assertThat(cell.getText()).isEqualTo(DashboardFixture.money(cell.getAttribute("title")));
        assertThat(cell.getText()).matches("\\d{1,3}(,\\d{3})*\\.\\d{2}");
        assertThat(download(base + "/panel/inflows.csv?unit=NP-P1&period=2024-03")[1])
                .contains("," + cell.getAttribute("title") + ",");
        screenshot("readable-panel-inflows.png");
    }

    @Test
    void navigationIsGroupedAPanelShowsOneLevelAndAUnitPageItsOwnTrend() {
        // given the planner signed in
        signIn("planner", DashboardServer.PLANNER_PASSWORD);

        // then the navigation is grouped: coherence views, the sources behind them, reference data
        assertThat(browser.findElements(By.cssSelector("header nav.groups .group strong")).stream()
                        .map(e -> e.getText())
                        .toList())
                .containsExactly("Coherence views", "Sources", "Reference data");
        assertThat(b.text("header nav.groups .group[data-group='sources']")).startsWith("Sources Remittance inflows");
        assertThat(b.text("header nav.groups .group[data-group='reference']"))
                .isEqualTo("Reference data Published corridor costs (World Bank) · Admin units (gazetteer)");

        // when the inflows panel opens for March 2024: a level selector with the gazetteer's levels and their units
        browser.get(base + "/panel/inflows?period=2024-03");
        Select level = new Select(browser.findElement(By.id("level")));
        assertThat(level.getOptions().stream().map(e -> e.getText()).toList())
                .containsExactly(
                        "every level",
                        "level 0 (2 units)",
                        "level 1 (4 units)",
                        "level 2 (9 units)",
                        "level 3 (18 units)",
                        "level 4 (3 units)");
        // and level 1 is chosen
        level.selectByValue("1");
        browser.findElement(By.cssSelector("form.level button")).click();
        waitFor(ExpectedConditions.urlContains("level=1"));
        // then the chart and the table hold the four regions only, with their March figures
        List<String> rows = browser.findElements(By.cssSelector("table.rows tbody tr")).stream()
                .map(e -> e.getText())
                .toList();
        List<String> expected = List.of("NP-P1", "NP-P3", "TJ-KT", "TJ-SU").stream()
                .map(u -> u + " 1 2024-03 " + DashboardFixture.money(DashboardFixture.inflow(u, "2024-03")[0]) + " "
                        + DashboardFixture.inflow(u, "2024-03")[1])
                .toList();
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(new Select(browser.findElement(By.id("level")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("level 1 (4 units)");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart canvas")));
        screenshot("panel-inflows-level-1.png");

        // when Koshi's page opens: its own trend over every month it has, as a line and as figures
        browser.get(base + "/unit/NP-P1");
        List<String> trend = browser.findElements(By.cssSelector("section.trend table.trend tbody tr")).stream()
                .map(e -> e.getText())
                .toList();
        assertThat(trend)
                .containsExactly(
                        "2024-02 " + DashboardFixture.money(DashboardFixture.inflow("NP-P1", "2024-02")[0]),
                        "2024-03 " + DashboardFixture.money(DashboardFixture.inflow("NP-P1", "2024-03")[0]),
                        "2024-04 " + DashboardFixture.money(DashboardFixture.inflow("NP-P1", "2024-04")[0]));
        assertThat(b.text("section.trend h2")).isEqualTo("Inflow (USD) over time");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.trend .chart canvas")));
        screenshot("unit-NP-P1-trend.png");
    }

    @Test
    void chartsAreDrawnUnderAPolicyWithoutInlineScriptsAndTheConsoleHasNoError() {
        // given a browser signed in under the dashboard's Content-Security-Policy (script-src 'self': no inline script)
        signIn("planner", DashboardServer.PLANNER_PASSWORD);
        b.consoleErrors();
        // when the overview, a unit's page and a panel's page open
        for (String page :
                List.of("/?period=2024", "/unit/NP-P1?period=2024", "/panel/inflows?unit=NP-P1&period=2024-03")) {
            b.get(page);
            // then every chart container of the page holds the canvas ECharts drew from the page's JSON data
            int charts = b.findAll("div.chart[data-option]").size();
            assertThat(charts).as(page).isPositive();
            waitFor(d -> b.findAll("div.chart[data-option] canvas").size() == charts);
            // the page holds no script to run but the jar's files and JSON data
            assertThat(b.findAll("script:not([src]):not([type='application/json'])"))
                    .as(page)
                    .isEmpty();
            assertThat(b.findAll("script[src]"))
                    .extracting(e -> e.getAttribute("src"))
                    .containsExactly(base + "/assets/echarts.min.js", base + "/assets/mizan-page.js");
            // and the console received no error: no script refused by the policy, none failed
            assertThat(b.consoleErrors()).as(page).isEmpty();
        }
        // the check sees what it looks for: an inline script put into the page is refused, and the console says so
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                + " document.body.appendChild(s);");
        assertThat(js.executeScript("return window.inlineRan === true;")).isEqualTo(false);
        List<String> seen = new java.util.ArrayList<>();
        waitFor(d -> seen.addAll(b.consoleErrors()) || !seen.isEmpty());
        // (Chromium's wording: "Executing inline script violates the following Content Security Policy directive
        // 'script-src 'self''. …"; older versions: "Refused to execute inline script because it violates …")
        assertThat(seen)
                .singleElement()
                .asString()
                .containsPattern("inline script .*violates the following Content Security Policy directive")
                .contains("script-src 'self'");
    }

    private void signIn(String user, String password) {
        b.signIn(user, password);
    }

    private String headline(String panel, String field) {
        return browser.findElement(
                        By.cssSelector(".headline[data-panel='" + panel + "'][data-field='" + field + "'] .value"))
                .getText();
    }

    private String headline(String unit, String panel, String field) {
        return b.text(
                ".headline[data-unit='" + unit + "'][data-panel='" + panel + "'][data-field='" + field + "'] .value");
    }

    private String[] download(String url) {
        return b.download(url);
    }

    private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        b.waitFor(condition);
    }

    private void screenshot(String name) {
        b.screenshot(name);
    }
}
