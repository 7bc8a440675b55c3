package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mizan.duckdb.SqlFiles;

/**
 * {@code mizan rerun --job --source --period}: reads one completed partition again from the file delivered for
 * it and replaces exactly that partition. Rerun twice, the warehouse is the clean run's; every other lake file is
 * byte for byte as it was; a correction in the file reaches that partition and no other.
 */
class PartitionRerunIT {

    @Test
    void aPartitionRerunReplacesThatPartitionAndNothingElse() throws Exception {
        Path delivered = MizanCli.tempDir("delivered").resolve("mto-017_2024-03.csv");
        Files.copy(MizanCli.FIXTURES.resolve("remittances/mto-017_2024-03.csv"), delivered);
        MizanCli cli = MizanCli.inTempHome("partition-rerun");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        assertThat(cli.run("run", "ingest-remittances", "file=" + delivered).code())
                .isZero();
        cli.load("ingest-remittances", "remittances/bnk-003_2024-03.jsonl");
        String clean = fingerprint(cli);
        Path partition = cli.home().resolve("lake/remittance_transactions/period=2024-03/source=MTO-017");
        Map<Path, String> others = otherFiles(cli.home(), partition);
        // the MTO file's other partitions, and the bank's: all must stay exactly as they are
        assertThat(others.keySet().stream()
                        .map(p -> cli.home().resolve("lake").relativize(p).toString()))
                .contains(
                        "remittance_transactions/period=2024-02/source=MTO-017/" + org.mizan.lake.Lake.unitOf(delivered)
                                + ".parquet",
                        "remittance_transactions/period=2024-04/source=MTO-017/" + org.mizan.lake.Lake.unitOf(delivered)
                                + ".parquet",
                        "remittance_transactions/period=2024-03/source=BNK-003/"
                                + org.mizan.lake.Lake.unitOf(
                                        MizanCli.FIXTURES.resolve("remittances/bnk-003_2024-03.jsonl"))
                                + ".parquet");

        for (int i = 1; i <= 2; i++) {
            MizanCli.Result r =
                    cli.run("rerun", "--job", "ingest-remittances", "--source", "mto-017", "--period", "2024-03");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            // the file's 150 rows are read and checked again (the 15 bad ones rejected again); 135 are this
            // partition's,
            // 2 are of February and April (T-0026 and T-0139, by their UTC time) and are left where they are
            assertThat(r.out())
                    .contains(
                            "rerun of partition period=2024-03 source=MTO-017 of ingest-remittances: 1 delivered file(s)")
                    .contains("152 lines read: 135 transactions stored, 15 rejected")
                    .contains(
                            "limited to partition period=2024-03 source=MTO-017: 2 records of other partitions left as they are");
            assertThat(fingerprint(cli)).as("rerun %d", i).isEqualTo(clean);
            assertThat(otherFiles(cli.home(), partition)).as("rerun %d", i).isEqualTo(others);
            assertThat(
                            cli.value(
                                    "select count(*) from remittance_transactions where period = '2024-03' and provider_id = 'MTO-017'"))
                    .isEqualTo("135");
        }

        // a correction upstream: one March amount and one April amount change in the delivered file
        String text = Files.readString(delivered)
                .replace(
                        "T-2024-017-0001,MTO-017,2024-03-27T07:39:00+08:00,MY,NP-P1-MOR-M01,1608.00,",
                        "T-2024-017-0001,MTO-017,2024-03-27T07:39:00+08:00,MY,NP-P1-MOR-M01,1708.00,")
                .replace(
                        "T-2024-017-0139,MTO-017,2024-03-31T23:30:00-02:00,SA,NP-P1-SUN-M01,2383.00,",
                        "T-2024-017-0139,MTO-017,2024-03-31T23:30:00-02:00,SA,NP-P1-SUN-M01,2483.00,");
        assertThat(text).contains(",1708.00,").contains(",2483.00,");
        Files.writeString(delivered, text);
        assertThat(cli.run("rerun", "--job", "ingest-remittances", "--source", "MTO-017", "--period", "2024-03")
                        .code())
                .isZero();
        assertThat(cli.value("select amount from remittance_transactions where txn_id = 'T-2024-017-0001'"))
                .isEqualTo("1708.0000");
        // April is another partition: not reread, so it keeps the amount first loaded
        assertThat(cli.value("select amount from remittance_transactions where txn_id = 'T-2024-017-0139'"))
                .isEqualTo("2383.0000");
        assertThat(otherFiles(cli.home(), partition)).isEqualTo(others);
        assertThat(cli.value("select count(*) from remittance_transactions"))
                .isEqualTo("226"); // 137 + 89 accepted (fixtures/tools/expected.json)
    }

    @Test
    void aPartitionNeverLoadedOrAMixedCommandLineIsRefusedWithWhatToDo() {
        MizanCli cli = MizanCli.inTempHome("partition-rerun-usage");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        MizanCli.Result none =
                cli.run("rerun", "--job", "ingest-remittances", "--source", "MTO-017", "--period", "2023-01");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err())
                .contains("the lake has no ingest-remittances rows for source MTO-017 in period 2023-01")
                .contains("mizan backfill --job ingest-remittances --source MTO-017 --from 2023-01 --to 2023-01");
        MizanCli.Result mixed = cli.run("rerun", "3", "--period", "2024-03");
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("give either an EXECUTION");
        // (--help is wrapped to the terminal's width: compared with its line breaks as spaces)
        assertThat(cli.run("rerun", "--help").out().replaceAll("\\s+", " "))
                .contains("rerun --job J --source S --period P");
    }

    private static String fingerprint(MizanCli cli) {
        List<Object> row = cli.query(SqlFiles.text("queries/checksum.sql")).get(0);
        return row.get(0) + "|" + row.get(1) + "|" + row.get(2);
    }

    /** Every lake Parquet file outside the partition, with its modification time, size and content hash. */
    private static Map<Path, String> otherFiles(Path home, Path partition) throws Exception {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(home.resolve("lake"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".parquet") && !p.startsWith(partition))
                    .toList()) {
                out.put(
                        p,
                        Files.getLastModifiedTime(p) + " " + Files.size(p) + " "
                                + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
