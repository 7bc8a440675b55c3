package org.mizan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;

/**
 * Every error a user can make or meet speaks plainly: one line on stderr (what failed, where, what to do; the log's
 * path when there is a stack trace to read), exit 2 for a usage error before any work, 1 for a failed job, and no
 * stack trace on stdout or stderr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainErrorsIT {

    private MizanCli cli;
    private String log;

    @BeforeAll
    void home() {
        cli = MizanCli.inTempHome("plain-errors");
        cli.load("load-gazetteer", "world/admin_units.csv");
        cli.load("ingest-remittances", "world/remittances_2024-03.csv");
        log = cli.home().resolve("logs/mizan.log").toString();
    }

    @Test
    void anEmptyFileFailsWithOneLine() throws Exception {
        Path empty = Files.writeString(cli.home().resolve("empty.csv"), "");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + empty);
        assertPlain(r, 1);
        assertThat(r.err().strip())
                .startsWith("mizan: ingest-remittances failed on " + empty + " (execution ")
                .endsWith("; fix the file (or its mapping) and run it again, or ./mizan rerun " + execution(r)
                        + " (details in " + log + ")");
    }

    @Test
    void aHeaderOnlyFileFailsWithOneLine() throws Exception {
        Path header = Files.writeString(
                cli.home().resolve("header.csv"),
                "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + header);
        assertPlain(r, 1);
        assertThat(r.err().strip()).startsWith("mizan: ingest-remittances failed on " + header + " (execution ");
    }

    @Test
    void anUnknownRegionIsAUsageError() {
        MizanCli.Result r = cli.run("run", "extract-region", "region=XX-NOPE", "period=2024");
        assertPlain(r, 2);
        assertThat(r.err().strip())
                .isEqualTo("mizan: region 'XX-NOPE' is not in the gazetteer (./mizan query \"select unit_code, name"
                        + " from admin_units where level = 1\" lists the regions)");
        assertThat(cli.home().resolve("extracts/XX-NOPE")).doesNotExist();
    }

    @Test
    void anExtractOfAPeriodWithoutDataPublishesNothing() {
        MizanCli.Result r = cli.run("run", "extract-region", "region=NP-P1", "period=2019");
        assertPlain(r, 1);
        assertThat(r.err().strip())
                .matches("mizan: extract-region failed \\(execution \\d+\\): no data for region NP-P1 in 2019: nothing"
                        + " was published \\(\\./mizan status lists the periods loaded\\) \\(details in "
                        + java.util.regex.Pattern.quote(log) + "\\)");
        assertThat(cli.home().resolve("extracts/NP-P1/2019/v1")).doesNotExist();
    }

    @Test
    void periodsThatAreNotRealAreUsageErrors() {
        for (String p : new String[] {"2024-13", "2024-Q7"}) {
            MizanCli.Result r = cli.run("query", "inflows", "--period", p);
            assertPlain(r, 2);
            assertThat(r.err().strip())
                    .isEqualTo("mizan: --period '" + p
                            + "' is not a year (2024), a quarter (2024-Q1) or a month (2024-03)");
            MizanCli.Result d =
                    cli.run("dashboard", "--out", cli.home().resolve("never").toString(), "--period", p);
            assertPlain(d, 2);
            assertThat(cli.home().resolve("never")).doesNotExist();
        }
        MizanCli.Result extract = cli.run("run", "extract-region", "region=NP-P1", "period=2024-13");
        assertPlain(extract, 2);
        assertThat(extract.err().strip())
                .isEqualTo("mizan: period '2024-13' is not a year (2024), a quarter (2024-Q1) or a month (2024-03)");
    }

    @Test
    void anUnknownUnitIsAUsageError() {
        MizanCli.Result r = cli.run("query", "scorecard", "--unit", "XX-NOPE");
        assertPlain(r, 2);
        assertThat(r.err().strip())
                .isEqualTo("mizan: --unit 'XX-NOPE' is not in the gazetteer (./mizan query \"select unit_code, name,"
                        + " level from admin_units order by unit_code\" lists the units)");
    }

    @Test
    void aMisspeltRuleIsAUsageError() {
        MizanCli.Result r = cli.run("rejects", "1", "--rule", "unknown_unti");
        assertPlain(r, 2);
        assertThat(r.err().strip())
                .startsWith("mizan: no rule 'unknown_unti': choose one of [malformed_line, required, ")
                .contains("unknown_unit");
    }

    @Test
    void anUnknownJobIsAUsageError() {
        MizanCli.Result r = cli.run("run", "ingest-everything", "file=x.csv");
        assertPlain(r, 2);
        assertThat(r.err().strip()).startsWith("mizan: unknown job 'ingest-everything': choose one of [");
    }

    @Test
    void abandoningACompletedRunSaysSo() {
        MizanCli.Result r = cli.run("abandon", "1");
        assertPlain(r, 2);
        assertThat(r.err().strip())
                .isEqualTo("mizan: execution 1 is COMPLETED: only a failed or stopped run can be abandoned"
                        + " (./mizan history lists the runs)");
    }

    @Test
    void aQuarterBackfillOfAMonthlySourceIsAUsageError() {
        MizanCli.Result r = cli.run(
                "backfill",
                "--job",
                "ingest-remittances",
                "--source",
                "WMT-001",
                "--from",
                "2024-Q1",
                "--to",
                "2024-Q1");
        assertPlain(r, 2);
        assertThat(r.err().strip())
                .isEqualTo("mizan: source WMT-001 of ingest-remittances is partitioned by month, not by quarter: give"
                        + " --from and --to as months (mizan status lists its partitions)");
    }

    @Test
    void pruneNamesItsOwnOption() {
        MizanCli.Result r = cli.run("prune", "--older-than", "2024-13-01");
        assertPlain(r, 2);
        assertThat(r.err().strip())
                .isEqualTo("mizan: --older-than '2024-13-01' is not a day (2024-03-01) or a time (2024-03-01T02:00)");
    }

    @Test
    void helpIsWrappedAtTheTerminalsWidthBetweenWords() {
        MizanCli.Result r = cli.run("run", "--help");
        assertThat(r.code()).isZero();
        // the description's prose is one paragraph filled to 80 columns (no terminal here), never cut inside a sentence
        // line
        List<String> lines = r.out().lines().toList();
        int first = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("Runs a job on one file"))
                .findFirst()
                .orElseThrow());
        assertThat(lines.get(first)).hasSizeLessThanOrEqualTo(80).hasSizeGreaterThan(70);
        assertThat(String.join(" ", lines.subList(first, first + 3)))
                .startsWith(
                        "Runs a job on one file: read, check, stage to the Parquet lake, publish, rebuild the warehouse. Jobs:");
    }

    private static void assertPlain(MizanCli.Result r, int code) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(code);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.out() + r.err())
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("AbstractStep")
                .doesNotContain("ERROR");
    }

    private static String execution(MizanCli.Result r) {
        var m = java.util.regex.Pattern.compile("\\(execution (\\d+)\\)").matcher(r.err());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
