package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import org.openqa.selenium.WebElement;

/**
 * A regional user in a real browser on a page with a withheld cell: the golden world (East Region NP-P1 has
 * returnees counted in ones and twos), {@code mizan serve}, Koshi's council signed in as {@code koshi} (NP-P1).
 * What it sees is what NP-P1's extract for 2024 publishes, {@code [c]} and its explanation included; the planner
 * sees the warehouse's figures, marked internal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalDisclosureBrowserIT {

    private MizanCli cli;
    private DashboardServer server;
    private Browser b;

    @BeforeAll
    void serve() throws Exception {
        b = Browser.startOrSkip(getClass());
        cli = MizanCli.goldenWorld("regional-disclosure");
        assertThat(cli.run("run", "extract-region", "region=NP-P1", "period=2024")
                        .code())
                .isZero();
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
    void aRegionalUserSeesTheExtractsCellsAndThePlannerTheInternalOnes() throws Exception {
        List<String> extract =
                Files.readAllLines(cli.home().resolve("extracts/NP-P1/2024/v1/reintegration_coverage.csv")).stream()
                        .skip(1)
                        .map(l -> String.join(
                                ",", java.util.Arrays.asList(l.split(",")).subList(0, 7)))
                        .toList();
        // given the extract withholds cells of East Region
        assertThat(extract).anyMatch(l -> l.contains("[c]"));
        // when Koshi's council opens the reintegration panel
        b.signIn("koshi", DashboardServer.KOSHI_PASSWORD);
        b.get("/panel/reintegration-coverage?period=2024");
        // then its table is the extract's rows, cell for cell, [c] where the extract withholds
        List<String> shown = b.findAll("table.rows tbody tr").stream()
                .map(tr -> String.join(
                        ",",
                        tr.findElements(org.openqa.selenium.By.tagName("td")).stream()
                                .map(WebElement::getText)
                                .toList()))
                .toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(extract);
        assertThat(b.text("p.release"))
                .isEqualTo("Figures of region NP-P1 as its extract publishes them. [c]: a cell withheld by disclosure"
                        + " control: a count of fewer than 5 persons (zero included), or a cell from which one could be worked out; an empty cell is a"
                        + " value not reported.");
        b.screenshot("regional-withheld-cell.png");
        // and its download says the same
        String[] csv = b.download(server.base() + "/panel/reintegration-coverage.csv?period=2024");
        assertThat(csv[1].lines().skip(1).map(l -> l).toList()).containsExactlyInAnyOrderElementsOf(extract);
        // the region's page: the tile of East Region's returnees is the extract's cell
        b.get("/unit/NP-P1?period=2024");
        String own = extract.stream()
                .filter(l -> l.startsWith("NP-P1,1,2024,all,"))
                .findFirst()
                .orElseThrow();
        assertThat(b.text(".headline[data-panel='reintegration-coverage'][data-field='returnees'] .value"))
                .isEqualTo(own.split(",")[4]);
        b.signOut();
        // the planner sees the warehouse's own figures, marked internal
        b.signIn("planner", DashboardServer.PLANNER_PASSWORD);
        b.get("/panel/reintegration-coverage?period=2024&unit=NP-P1");
        assertThat(b.text("p.release")).startsWith("Internal, not for release");
        assertThat(b.source()).doesNotContain("[c]");
        b.signOut();
    }
}
