package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mizan.duckdb.SqlFiles;

/**
 * {@code mizan backfill}: a range of partitions loaded one at a time from the source's inbox. Killed with SIGKILL
 * half way, the same command run again skips what was done, resumes the rest, and the warehouse equals a clean
 * load of the same file; a third run changes nothing.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES) // only against a hang
class BackfillIT {

    @Test
    void aBackfillKilledHalfWayIsResumedToTheCleanResult() throws Exception {
        // the clean load's home and the backfill's: the same gazetteer and FX rates (copies of a home loaded once in
        // this JVM)
        MizanCli clean = MizanCli.withGazetteerAndFx("backfill-clean");
        MizanCli cli = MizanCli.withGazetteerAndFx("backfill");
        clean.load("ingest-remittances", "remittances/mto-017_2024-03.csv");
        String expected = fingerprint(clean);

        Path inbox = Files.createDirectories(cli.home().resolve("inbox/mto"));
        Files.copy(MizanCli.FIXTURES.resolve("remittances/mto-017_2024-03.csv"), inbox.resolve("mto-017_2024-03.csv"));
        Files.writeString(cli.home().resolve("schedules.yml"), """
                schedules:
                  - job: ingest-remittances
                    source: MTO-017
                    inbox: inbox/mto
                    cron: "0 0 2 * * ?"
                """);
        String[] backfill = {
            "backfill", "--job", "ingest-remittances", "--source", "MTO-017", "--from", "2024-01", "--to", "2024-06"
        };

        // the first attempt is killed once it has reached the third of six partitions: its output is read as it
        // is printed (and kept in backfill.log), and the kill follows the line that says so
        Process p = inProcessOfItsOwn(cli.home(), backfill);
        Path log = cli.home().resolve("backfill.log");
        try (var lines = new java.io.BufferedReader(
                        new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
                var kept = Files.newBufferedWriter(log)) {
            String line;
            while ((line = lines.readLine()) != null) {
                kept.write(line + "\n");
                if (line.contains("[3/6]")) {
                    break;
                }
            }
            assertThat(line)
                    .as("the backfill ended before its third partition: " + log)
                    .isNotNull();
        }
        p.destroyForcibly();
        p.waitFor();
        String first = Files.readString(log);
        assertThat(first)
                .contains("backfill of ingest-remittances source MTO-017, 2024-01 to 2024-06: 6 period(s) × 1 file(s)")
                .contains("[1/6] 2024-01 mto-017_2024-03.csv:")
                .contains("[2/6] 2024-02 mto-017_2024-03.csv:")
                .doesNotContain("backfill complete");

        // the steward runs the same command again
        MizanCli.Result again = cli.run(backfill);
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out())
                .contains("[1/6] 2024-01 mto-017_2024-03.csv: done before")
                .contains("[2/6] 2024-02 mto-017_2024-03.csv: done before")
                .contains("[6/6] 2024-06 mto-017_2024-03.csv:")
                .containsPattern("backfill complete: [34] partition load\\(s\\) run now, [23] done before");
        assertThat(fingerprint(cli)).isEqualTo(expected);
        assertThat(cli.value(
                        "select string_agg(period || ':' || n, ' ' order by period) from (select period, count(*) n"
                                + " from remittance_transactions group by period)"))
                .isEqualTo("2024-02:1 2024-03:135 2024-04:1");

        // and once more: nothing left to do, nothing changes
        MizanCli.Result third = cli.run(backfill);
        assertThat(third.out()).contains("backfill complete: 0 partition load(s) run now, 6 done before");
        assertThat(fingerprint(cli)).isEqualTo(expected);
    }

    private static Process inProcessOfItsOwn(Path home, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(TestJvm.mizan("-Xmx512m", args));
        pb.environment().put("MIZAN_HOME", home.toString());
        return pb.redirectErrorStream(true).start();
    }

    private static String fingerprint(MizanCli cli) {
        List<Object> row = cli.query(SqlFiles.text("queries/checksum.sql")).get(0);
        return row.get(0) + "|" + row.get(1) + "|" + row.get(2);
    }
}
