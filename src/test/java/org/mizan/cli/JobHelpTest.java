package org.mizan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The help texts that name jobs take them from the job catalogue. */
class JobHelpTest {

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        MizanMain.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        return out.toString();
    }

    @Test
    void runsHelpListsEveryJobWithItsLine() {
        // when
        String help = help("run", "--help");

        // then: the catalogue's jobs, one line each, then extract-region, as they are in the description
        assertThat(help.lines().filter(l -> l.startsWith("  ") && l.contains("  ") && !l.startsWith("   ")))
                .containsSequence(
                        "  ingest-ledgers      IATI activities (5) and code lists, ledger (6), plan (7)",
                        "  ingest-registries   registries of people and service deliveries (format 4)",
                        "  ingest-remittances  transactions (format 2), corridor aggregates (3), costs",
                        "  load-fx-rates       FX rates per US dollar (format 8) or per euro (ECB)",
                        "  load-gazetteer      the admin units and their hierarchy (format 1)",
                        "  extract-region      a region's extract: region=, period= (last example)");
        assertThat(help.replaceAll("\\s+", " "))
                .contains("JOB ingest-ledgers, ingest-registries, ingest-remittances, load-fx-rates,"
                        + " load-gazetteer or extract-region")
                .doesNotContain("${");
    }

    @Test
    void rerunBackfillAndHistoryNameTheCataloguesJobs() {
        String jobs = "ingest-ledgers, ingest-registries, ingest-remittances, load-fx-rates or load-gazetteer";
        assertThat(help("rerun", "--help").replaceAll("\\s+", " ")).contains("the job of the partition (" + jobs + ")");
        assertThat(help("backfill", "--help").replaceAll("\\s+", " ")).contains("--job=<job> " + jobs);
        assertThat(help("history", "--help").replaceAll("\\s+", " ")).contains("only this job (" + jobs + ")");
    }
}
