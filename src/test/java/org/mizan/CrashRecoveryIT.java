package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.duckdb.SqlFiles;

/**
 * A 100,000-row ingest (a checkpoint every 20,000 rows) killed with SIGKILL at a point of its checkpoint protocol
 * that the process announces, then {@code mizan rerun}: the warehouse equals a clean run's (rows, distinct keys, a
 * checksum over every row). The process is told where to stop ({@code MIZAN_CRASH_AT}, see the ingest's
 * CrashPoint): it writes {@code MIZAN_HOME/crash-point} there and waits, and the test kills it on that file, never
 * at a time. The points: the checkpoint's staged files written but not renamed, renamed but not recorded in the job
 * repository, recorded (first and third checkpoint), and the load moved into the lake before its publish step was
 * recorded; and a recorded checkpoint whose staged file went missing. bench/crash.sh kills at random moments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

    private static final int ROWS = 100_000;
    private static final int CHECKPOINT_ROWS = 20_000;

    private Path data;
    private String clean;
    /** A home with the gazetteer and the FX rates loaded (executions 1 and 2), copied for each run. */
    private MizanCli prepared;

    @BeforeAll
    void cleanRun() throws Exception {
        data = MizanCli.tempDir("crash-data");
        BenchPrograms.generateRemittances(ROWS, 7, data);
        prepared = MizanCli.inTempHome("crash-prepared");
        prepared.loadGeneratedGazetteerAndFx(data);
        // the clean run is only the reference the killed ones are compared with: in this process, not killed
        MizanCli cli = prepared("clean");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + data.resolve("remittances.csv"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        clean = fingerprint(cli);
        assertThat(clean).startsWith(ROWS + "|" + ROWS + "|");
    }

    @Test
    void killedAfterTheFilesAreWrittenBeforeTheyAreRenamedTheRerunStartsOver() throws Exception {
        MizanCli.Result r = killAndRerun("written:1", null);
        assertThat(r.out())
                .doesNotContain("resumed at line")
                .contains(ROWS + " lines read: " + ROWS + " transactions stored, 0 rejected");
    }

    @Test
    void killedAfterTheRenameBeforeTheRecordTheRerunResumesAtTheCheckpointBefore() throws Exception {
        MizanCli.Result r = killAndRerun("renamed:2", null);
        assertThat(r.out())
                .contains("  resumed at line " + (CHECKPOINT_ROWS + 2) + " (the last checkpoint before the cut)");
    }

    @Test
    void killedAfterTheFirstCheckpointIsRecordedTheRerunResumesThere() throws Exception {
        MizanCli.Result r = killAndRerun("recorded:1", null);
        assertThat(r.out())
                .contains("  resumed at line " + (CHECKPOINT_ROWS + 2) + " (the last checkpoint before the cut)");
    }

    @Test
    void killedAfterTheThirdCheckpointIsRecordedTheRerunResumesThere() throws Exception {
        MizanCli.Result r = killAndRerun("recorded:3", null);
        assertThat(r.out())
                .contains("  resumed at line " + (3 * CHECKPOINT_ROWS + 2) + " (the last checkpoint before the cut)");
    }

    @Test
    void killedAfterTheLoadIsInTheLakeBeforeItsPublishIsRecordedTheRerunKeepsIt() throws Exception {
        MizanCli.Result r = killAndRerun("published:1", null);
        assertThat(r.out()).contains("warehouse: published");
    }

    @Test
    void aRecordedCheckpointWhoseStagedFileIsMissingMakesTheRerunStartOver() throws Exception {
        MizanCli.Result r = killAndRerun("recorded:2", home -> {
            // given a staged file of the recorded checkpoint gone (a steward's clean-up, a disk restored from backup)
            try (Stream<Path> s = Files.walk(home.resolve("lake/_staging"))) {
                // (a staged Parquet file, or a spill file of rows whose partitions are still small: the checkpoint
                // names either)
                Path one = s.filter(f -> f.toString().endsWith(".parquet")
                                || f.toString().endsWith(".spill"))
                        .sorted()
                        .findFirst()
                        .orElseThrow();
                Files.delete(one);
            }
        });
        // then the file is read again from its first line (the checkpoint cannot be trusted), whole
        assertThat(r.out())
                .doesNotContain("resumed at line")
                .contains(ROWS + " lines read: " + ROWS + " transactions stored, 0 rejected");
    }

    /** What to do to a killed run's home before the rerun. */
    private interface Damage {
        void apply(Path home) throws IOException;
    }

    /**
     * Runs the ingest told to stop at {@code point}, kills it (SIGKILL) once it says it is there, optionally damages
     * the home, reruns the run, and checks the rerun and the warehouse against the clean run.
     */
    private MizanCli.Result killAndRerun(String point, Damage damage) throws Exception {
        // given a load stopped at the point, and killed there
        MizanCli cli = prepared("killed-" + point.replace(':', '-'));
        Process p = ingest(cli.home(), point);
        waitForCrashPoint(cli.home(), p, point);
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        p.waitFor();
        if (damage != null) {
            damage.apply(cli.home());
        }
        // when the steward reruns the run (execution 3: gazetteer and FX rates were 1 and 2)
        MizanCli.Result r = cli.run("rerun", "3");
        // then it completes, its counts are whole, and the warehouse is exactly the clean run's
        assertThat(r.code()).as("killed at %s:%n%s%s", point, r.out(), r.err()).isZero();
        if (r.out().contains(" lines read: ")) {
            assertThat(r.out()).contains(ROWS + " lines read: " + ROWS + " transactions stored, 0 rejected");
        }
        assertThat(fingerprint(cli)).as("killed at %s", point).isEqualTo(clean);
        // and nothing of the run is left staged
        try (Stream<Path> s = Files.list(cli.home().resolve("lake/_staging"))) {
            assertThat(s.toList()).as("killed at %s", point).isEmpty();
        }
        return r;
    }

    /**
     * Waits until the run says it stopped at the point (its marker file appears in the home), or ends without
     * reaching it (its end is marked there too, so that the wait wakes on it); the limit only guards against a hang.
     */
    private static void waitForCrashPoint(Path home, Process p, String point) throws Exception {
        Path marker = home.resolve("crash-point");
        Path ended = home.resolve("run.ended");
        p.onExit().thenRun(() -> {
            try {
                Files.writeString(ended, "");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Await.onChangeIn(home, "the run reached " + point, () -> Files.exists(marker) || Files.exists(ended));
        assertThat(marker)
                .as("the run ended before reaching %s: %s", point, Files.readString(home.resolve("run.log")))
                .exists();
        assertThat(Files.readString(marker).strip()).isEqualTo(point.replace(':', ' '));
    }

    /** A copy of the prepared home (the gazetteer and the FX rates loaded, executions 1 and 2). */
    private MizanCli prepared(String name) {
        return prepared.copy(name);
    }

    /** The ingest in a process of its own, as the launcher runs it, so that it can be killed; told where to stop. */
    private Process ingest(Path home, String crashAt) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(TestJvm.mizan(
                List.of(
                        "-Xmx1g",
                        "-Xms32m",
                        "-XX:+UseSerialGC",
                        "-XX:MinHeapFreeRatio=25",
                        "-XX:MaxHeapFreeRatio=30",
                        "-XX:-ShrinkHeapInSteps"),
                "run",
                "ingest-remittances",
                "file=" + data.resolve("remittances.csv")));
        pb.environment().put("MIZAN_HOME", home.toString());
        pb.environment().put("MIZAN_CHECKPOINT_ROWS", String.valueOf(CHECKPOINT_ROWS));
        if (crashAt != null) {
            pb.environment().put("MIZAN_CRASH_AT", crashAt);
        }
        return pb.redirectErrorStream(true)
                .redirectOutput(home.resolve("run.log").toFile())
                .start();
    }

    private static String fingerprint(MizanCli cli) {
        List<Object> row = cli.query(SqlFiles.text("queries/checksum.sql")).get(0);
        return row.get(0) + "|" + row.get(1) + "|" + row.get(2);
    }
}
