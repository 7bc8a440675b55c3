package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.duckdb.SqlFiles;

/**
 * A 1,000,000-row ingest killed with SIGKILL at a random point, then {@code mizan rerun}: the warehouse equals a
 * clean run's (rows, distinct keys, a checksum over every row). Three trials; bench/crash.sh runs twenty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

    private static final int ROWS = 1_000_000;

    private Path data;
    private String clean;
    private long cleanMillis;

    @BeforeAll
    void cleanRun() throws Exception {
        data = MizanCli.tempDir("crash-data");
        Process gen = new ProcessBuilder(java(), "bench/GenerateRemittances.java", String.valueOf(ROWS), "7", data.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("generate.log").toFile()).start();
        assertThat(gen.waitFor()).isZero();
        MizanCli cli = prepared("clean");
        long t0 = System.nanoTime();
        Process p = ingest(cli.home());
        assertThat(p.waitFor()).as(Files.readString(cli.home().resolve("run.log"))).isZero();
        cleanMillis = (System.nanoTime() - t0) / 1_000_000;
        clean = fingerprint(cli);
        assertThat(clean).startsWith(ROWS + "|" + ROWS + "|");
    }

    @Test
    void threeKilledIngestsAreEachCompletedByRerunWithNoRowLostOrDoubled() throws Exception {
        Random random = new Random(20261123L);
        int trials = 0;
        int resumed = 0;
        while (trials < 3) {
            MizanCli cli = prepared("killed");
            long killAfter;
            Process p = ingest(cli.home());
            if (trials == 0) {
                // the first trial is killed just after the first checkpoint, so that resuming is always exercised
                long t0 = System.nanoTime();
                // killed as soon as the run says its first checkpoint is recorded (its chunk committed)
                waitForCheckpoint(cli.home(), p);
                killAfter = (System.nanoTime() - t0) / 1_000_000;
            } else {
                // the others at a point between start-up and the end of the clean run's time, at random
                killAfter = (long) (cleanMillis * (0.2 + 0.7 * random.nextDouble()));
                if (p.waitFor(killAfter, TimeUnit.MILLISECONDS)) {
                    continue; // it finished before the kill: not a trial
                }
            }
            p.destroyForcibly();    // SIGKILL: no shutdown hook, no finally block runs
            p.waitFor();
            // when the steward reruns the run (execution 3: gazetteer and FX rates were 1 and 2)
            MizanCli.Result r = cli.run("rerun", "3");
            if (r.code() == 2 && r.err().contains("completed: nothing to rerun")) {
                continue; // the kill came after the job had completed: not a trial
            }
            assertThat(r.code()).as("trial %d, killed after %d ms:%n%s%s", trials + 1, killAfter, r.out(), r.err()).isZero();
            // then the counts are whole, and the warehouse is exactly the clean run's
            if (r.out().contains(" lines read: ")) {
                assertThat(r.out()).contains(ROWS + " lines read: " + ROWS + " transactions stored, 0 rejected");
            } else {
                // killed after the ingest step had completed: the rerun publishes and builds, and reads nothing again
                assertThat(r.out()).contains("warehouse: published");
            }
            resumed += r.out().contains("  resumed at line ") ? 1 : 0;
            assertThat(fingerprint(cli)).as("trial %d, killed after %d ms", trials + 1, killAfter).isEqualTo(clean);
            System.out.printf("crash trial %d: killed after %d ms of %d, recovered%s%n", trials + 1, killAfter, cleanMillis,
                    r.out().lines().filter(l -> l.contains("resumed at")).findFirst().map(l -> ";" + l).orElse(""));
            trials++;
        }
        // the first kill landed after a committed checkpoint: resuming, not only starting over, was exercised
        assertThat(resumed).isPositive();
    }

    /**
     * Waits until the run's log says its first checkpoint is recorded; the limit only guards against a hang (a
     * loaded machine may take minutes to get there).
     */
    private static void waitForCheckpoint(Path home, Process p) throws Exception {
        Path log = home.resolve("logs/mizan.log");
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < until) {
            if (Files.exists(log) && java.util.regex.Pattern.compile("checkpoint at line \\d+ recorded").matcher(Files.readString(log)).find()) {
                return;
            }
            assertThat(p.isAlive()).as("the run ended before its first checkpoint").isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint recorded within 10 minutes (a hang): " + log);
    }

    private MizanCli prepared(String name) {
        MizanCli cli = MizanCli.inTempHome(name);
        assertThat(cli.run("run", "load-gazetteer", "file=" + data.resolve("admin_units.csv")).code()).isZero();
        assertThat(cli.run("run", "load-fx-rates", "file=" + data.resolve("fx_rates.csv")).code()).isZero();
        return cli;
    }

    /** The ingest in a process of its own, as the launcher runs it, so that it can be killed. */
    private Process ingest(Path home) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx1g", "-XX:+UseParallelGC", "-cp", classpath, "org.mizan.cli.MizanMain",
                "run", "ingest-remittances", "file=" + data.resolve("remittances.csv"));
        pb.environment().put("MIZAN_HOME", home.toString());
        return pb.redirectErrorStream(true).redirectOutput(home.resolve("run.log").toFile()).start();
    }

    private static String fingerprint(MizanCli cli) {
        List<Object> row = cli.query(SqlFiles.text("queries/checksum.sql")).get(0);
        return row.get(0) + "|" + row.get(1) + "|" + row.get(2);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
