package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The steward's {@code status} after loads, and the README's first command, {@code demo}, as a new user runs it. */
class StatusAndDemoIT {

    @Test
    void statusListsEachLoadWithItsCountsAndThePublishedWarehouse() {
        MizanCli cli = MizanCli.inTempHome("status");
        assertThat(cli.run("status").out()).contains("no job has run yet").contains("warehouse: none published yet");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("ingest-remittances", "remittances/bnk-003_2024-03.jsonl");
        MizanCli.Result r = cli.run("status");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern(
                        "\\n\\s+2  ingest-remittances  COMPLETED  \\S+ \\S+\\s+\\d+\\.\\d s\\s+103\\s+89\\s+14  bnk-003_2024-03.jsonl\\n")
                .containsPattern(
                        "\\n\\s+1  load-gazetteer\\s+COMPLETED  \\S+ \\S+\\s+\\d+\\.\\d s\\s+36\\s+36\\s+0  admin_units.csv\\n")
                .containsPattern("remittance_transactions\\s+89\\n")
                .containsPattern("admin_units\\s+36\\n");
    }

    @Test
    void theDemoLoadsEveryFixtureIntoAFreshHomeAndShowsTheViews() throws Exception {
        // (run once in this JVM: ReadmeExamplesIT reads the same demo's home)
        MizanCli.Demo demo = MizanCli.demo();
        MizanCli cli = demo.cli();
        MizanCli.Result r = demo.result();
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("demo home: " + cli.home().resolve("demo"))
                .contains("152 lines read: 137 transactions stored, 15 rejected")
                .contains("5328 lines read: 10417 corridor costs stored, 0 rejected; 5 blank or footer lines skipped")
                .containsPattern("remittance_transactions\\s+295\\n")
                .containsPattern("NP\\s+0\\s+2024-03\\s+107292.2157\\s+135\\n")
                .contains("Query it:  MIZAN_HOME=" + cli.home().resolve("demo"));
        assertThat(r.out()).doesNotContain("FAILED");
        assertThat(Files.isSymbolicLink(cli.home().resolve("demo/warehouse/mizan.duckdb")))
                .isTrue();
        // it ends with the dashboard written as a static folder
        assertThat(r.out()).contains("Dashboard: " + cli.home().resolve("demo/dashboard/index.html"));
        assertThat(Files.readString(cli.home().resolve("demo/dashboard/index.html")))
                // the overview shows each country's latest year (2024): NP 108927.8618 USD in 137 transactions and
                // TJ 76538.63 in 158, together the 185466.4918 and 295 of fixtures/tools/expected.json
                // (shown with two decimals and thousands separators since issue 20, the full value in the tooltip)
                .contains(
                        "<span class=\"value\"><span class=\"n\" title=\"108927.8618\">108,927.86</span></span><span class=\"label\">Inflow (USD)")
                .contains("<span class=\"value\">137</span><span class=\"label\">Transactions")
                .contains(
                        "<span class=\"value\"><span class=\"n\" title=\"76538.6300\">76,538.63</span></span><span class=\"label\">Inflow (USD)")
                .contains("<span class=\"value\">158</span><span class=\"label\">Transactions");
        // and with Koshi's regional extract
        assertThat(r.out()).contains("release v1 in " + cli.home().resolve("demo/extracts/NP-P1/2024/v1"));
        assertThat(Files.isRegularFile(cli.home().resolve("demo/extracts/NP-P1/2024/v1/manifest.json")))
                .isTrue();
        // a second demo starts afresh: the same numbers, not twice them
        MizanCli.Result again = cli.run("demo", "--fixtures", MizanCli.FIXTURES.toString());
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).containsPattern("remittance_transactions\\s+295\\n");
    }
}
