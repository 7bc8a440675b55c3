package org.mizan.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;

/**
 * A representative handful of the bad-input corpus through the command line: a refused file fails the run (exit
 * 1) with its message and leaves the lake and the published warehouse exactly as they were, {@code query} still
 * answers the previous state, and the next good load succeeds; a file whose values the warehouse cannot hold
 * loads its other rows and the warehouse still builds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final Path CORPUS = BadInputCorpus.DIR.toAbsolutePath();
    private static final String TOTALS = "select count(*), sum(amount) from remittance_transactions";

    private final MizanCli cli = MizanCli.inTempHome("hostile");

    @BeforeAll
    void loadTheGazetteerAndAGoodFile() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + CORPUS.resolve("json_good.jsonl.gz"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("2 records read: 2 transactions stored, 0 rejected");
    }

    @Test
    void refusedFilesLeaveTheLakeAndTheWarehouseAsTheyWereAndTheNextLoadSucceeds() throws IOException {
        Map<String, Long> lake = tree("lake");
        Map<String, Long> warehouse = tree("warehouse");
        List<List<Object>> before = cli.query(TOTALS);
        String answered = cli.run("query", TOTALS, "--format", "csv").out();
        Map<String[], String> refused = new java.util.LinkedHashMap<>();
        refused.put(
                new String[] {"ingest-remittances", "truncated.csv.gz"},
                "truncated.csv.gz: is a gzip file that is cut short (truncated: its compressed data ends early).");
        refused.put(
                new String[] {"ingest-remittances", "header_amount_twice.csv"},
                "header_amount_twice.csv: line 1 (header) names the column 'amount' twice, in columns 6 and 11");
        refused.put(
                new String[] {"ingest-remittances", "xlsx_ratio_bomb.xlsx", "mapping=" + CorpusReader.XLSX_MAPPING},
                "xlsx_ratio_bomb.xlsx: its part xl/worksheets/sheet1.xml expands more than 100 times its compressed size");
        refused.put(
                new String[] {"ingest-remittances", "xlsx_doctype.xlsx", "mapping=" + CorpusReader.XLSX_MAPPING},
                "xlsx_doctype.xlsx: its part xl/worksheets/sheet1.xml declares a DOCTYPE");
        refused.put(
                new String[] {"ingest-ledgers", "iati_truncated.xml.gz"},
                "iati_truncated.xml.gz: is a gzip file that is cut short (truncated: its compressed data ends early).");
        refused.put(new String[] {"ingest-ledgers", "pdf_as.csv"}, "pdf_as.csv: is a PDF document, not a data export.");
        for (Map.Entry<String[], String> f : refused.entrySet()) {
            String[] a = f.getKey();
            // when
            MizanCli.Result r = a.length == 3
                    ? cli.run("run", a[0], "file=" + CORPUS.resolve(a[1]), a[2])
                    : cli.run("run", a[0], "file=" + CORPUS.resolve(a[1]));
            // then
            assertThat(r.code()).as(a[1] + ": " + r.out() + r.err()).isEqualTo(1);
            assertThat(r.out())
                    .as(a[1])
                    .contains("FAILED: " + CORPUS + "/" + f.getValue())
                    .doesNotContain("Exception");
            assertThat(tree("lake")).as("the lake after " + a[1]).isEqualTo(lake);
            assertThat(tree("warehouse")).as("the warehouse after " + a[1]).isEqualTo(warehouse);
            assertThat(cli.query(TOTALS))
                    .as("the published state after " + a[1])
                    .isEqualTo(before);
        }
        assertThat(cli.run("query", TOTALS, "--format", "csv").out()).isEqualTo(answered);
        // and the next good load succeeds
        MizanCli.Result next = cli.run("run", "ingest-remittances", "file=" + CORPUS.resolve("utf16be_bom.csv"));
        assertThat(next.code()).as(next.out() + next.err()).isZero();
        assertThat(cli.value("select count(*) from remittance_transactions where txn_id like 'T-%'"))
                .isEqualTo("2");
        assertThat(Long.parseLong(cli.value("select count(*) from remittance_transactions")))
                .isEqualTo(((Number) before.get(0).get(0)).longValue() + 2);
    }

    @Test
    void valuesTheWarehouseCannotHoldAreRowRejectsAndTheBuildSucceeds() {
        // when: a workbook with an amount of 1e30 and a timestamp in the year 99999 among good rows, and IATI values of
        // 1e30
        MizanCli.Result xlsx = cli.run(
                "run",
                "ingest-remittances",
                "file=" + CORPUS.resolve("xlsx_values.xlsx"),
                "mapping=" + CorpusReader.XLSX_MAPPING);
        MizanCli.Result iati = cli.run("run", "ingest-ledgers", "file=" + CORPUS.resolve("iati_value_1e30.xml"));
        // then
        assertThat(xlsx.code()).as(xlsx.out() + xlsx.err()).isZero();
        assertThat(xlsx.out())
                .contains("4 rows read: 2 transactions stored, 2 rejected")
                .contains("bad_number 1")
                .contains("bad_timestamp 1");
        assertThat(iati.code()).as(iati.out() + iati.err()).isZero();
        assertThat(cli.value("select count(*) from remittance_transactions where txn_id like 'X-%'"))
                .isEqualTo("2");
        assertThat(cli.value("select sum(amount) from project_funding where project_id = 'XM-TEST-1'"))
                .isEqualTo("300.0000");
    }

    /** Every file under the home's folder with its size. */
    private Map<String, Long> tree(String folder) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        Path root = cli.home().resolve(folder);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.size(p));
            }
        }
        return out;
    }
}
