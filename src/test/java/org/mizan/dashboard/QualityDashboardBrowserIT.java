package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The data-quality page and the tile mark in a real browser ({@link Browser}: Debian's headless Chromium), over the
 * quality fixtures (fixtures/quality: a commitment a thousand times the others, negative expenditures, out-of-range
 * dates). Dhankuta District's 2023 figures rest on four flagged values: two 1,000,000 USD commitments and two
 * negative expenditures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityDashboardBrowserIT {

    private DashboardServer server;
    private Browser b;

    @BeforeAll
    void serve() throws Exception {
        b = Browser.startOrSkip(getClass());
        MizanCli cli = MizanCli.inTempHome("quality-dashboard");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("ingest-ledgers", "quality/iati_outliers.xml");
        cli.load("ingest-ledgers", "quality/ledger_outlier_2023.csv");
        server = DashboardServer.start(cli);
        b.base(server.base());
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
    void aTileWhoseNumbersIncludeFlaggedValuesIsMarkedAndLinksToTheDataQualityPage() {
        // given the planner on Dhankuta District's page for 2023
        b.signIn("planner", DashboardServer.PLANNER_PASSWORD);
        b.get("/unit/NP-P1-DHA?period=2023");
        // then the remittance-and-diaspora tile, whose diaspora figure rests on the flagged commitments, is marked
        WebElement mark = b.find(".tile[data-panel='remittance-investment-match'] .quality-mark");
        assertThat(mark.getText()).isEqualTo("⚑ includes 4 flagged values");
        assertThat(mark.getAttribute("data-flags")).isEqualTo("4");
        // a tile resting on no flagged value is not (no remittance was loaded: the inflows rest on none)
        assertThat(b.findAll(".tile[data-panel='inflows'] .quality-mark")).isEmpty();
        assertThat(b.findAll(".tile[data-panel='inflows']")).hasSize(1);
        b.screenshot("quality-tile-mark");

        // when the mark is followed
        mark.findElement(By.tagName("a")).click();
        b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.rows[data-panel='data-quality']")));
        // then the data-quality page lists exactly those flags, each with its record, file and line, and the reason
        assertThat(b.driver().getCurrentUrl()).endsWith("/panel/data-quality?unit=NP-P1-DHA&period=2023");
        List<String> rows = b.findAll("table.rows[data-panel='data-quality'] tbody tr").stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText)
                        .toList())
                .map(cells -> String.join(
                        " | ", cells.get(1), cells.get(4), cells.get(5), cells.get(6), cells.get(8), cells.get(12)))
                .toList();
        assertThat(rows)
                .containsExactly(
                        "funding_share_of_file | DHK-Q-05/E1 | ledger_outlier_2023.csv | 6 | 1000000.0000 | open",
                        "funding_share_of_file | NP-QA-01/T5 | iati_outliers.xml | 18 | 1000000.0000 | open",
                        "negative_funding | NP-QA-01/T6 | iati_outliers.xml | 19 | -250.0000 | open",
                        "negative_funding | NP-QA-01/T7 | iati_outliers.xml | 20 | -75.5000 | open");
        assertThat(b.source()).contains("negative expenditure (-250.00 USD) where expenditures cannot be negative");
        b.screenshot("quality-page");
    }
}
