package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mizan.duckdb.SqlFiles;

/**
 * Two loads at the same time whose files share a transaction: the one that commits second finds it, leaves the
 * lake as it was and says so; run again, it rejects the shared row as duplicate_loaded. Nothing counts twice.
 * The overlap happens at a point the big load announces (MIZAN_PAUSE_AT, see the ingest's CrashPoint): it pauses
 * with every row staged and its commit not begun, the small load runs to its end meanwhile, then the big one goes on.
 */
class ConcurrentLoadsIT {

    /** Lines of the big file: enough for a load of several chunks; the pause, not the size, makes the overlap. */
    private static final int ROWS = 20_000;

    /** The line of the big file the small one repeats (its header is line 1). */
    private static final int SHARED_LINE = ROWS / 2 + 1;

    @Test
    void aTransactionCommittedByAConcurrentLoadIsNeverCountedTwice() throws Exception {
        Path data = MizanCli.tempDir("concurrent-data");
        BenchPrograms.generateRemittances(ROWS, 11, data);
        MizanCli cli = MizanCli.inTempHome("concurrent");
        cli.loadGeneratedGazetteerAndFx(data);
        Path big = data.resolve("remittances.csv");
        // a small file that shares a line of the big one (a transaction both providers' files carry)
        List<String> lines;
        try (var s = Files.lines(big)) {
            lines = s.limit(SHARED_LINE).toList();
        }
        Path small = data.resolve("correction.csv");
        Files.write(small, List.of(lines.get(0), lines.get(SHARED_LINE - 1)));

        // when the big file (run 3) has staged every row and pauses before its commit, and the small one (run 4)
        // is loaded meanwhile
        Path paused = cli.home().resolve("pause-point");
        Path resume = cli.home().resolve("pause-point.resume");
        System.setProperty("mizan.pause_at", "staged:1");
        CompletableFuture<MizanCli.Result> bigRun = null;
        MizanCli.Result smallRun;
        MizanCli.Result first;
        try {
            bigRun = CompletableFuture.supplyAsync(() -> cli.run("run", "ingest-remittances", "file=" + big));
            CompletableFuture<MizanCli.Result> started = bigRun;
            Await.onChangeIn(
                    cli.home(),
                    "the big load paused before its commit",
                    () -> Files.exists(paused) || started.isDone());
            assertThat(paused).as("the big load paused before its commit").exists();
            assertThat(Files.readString(paused)).isEqualTo("staged 1\n");
            smallRun = cli.run("run", "ingest-remittances", "file=" + small);
        } finally {
            // the big load always goes on and ends here, also when the test failed above: none is left running
            Files.writeString(resume, "");
            try {
                first = bigRun == null ? null : bigRun.get(Await.HANG.toMinutes(), TimeUnit.MINUTES);
            } finally {
                System.clearProperty("mizan.pause_at");
            }
        }

        // then the small one is in, and the big one stopped before its commit, naming the line and the other file
        assertThat(smallRun.out())
                .contains("1 line read: 1 transaction stored, 0 rejected")
                .contains("COMPLETED");
        assertThat(first.code()).as(first.out()).isEqualTo(1);
        assertThat(first.out())
                .contains("remittances.csv: 1 of its transactions (the first on line " + SHARED_LINE
                        + ") were loaded from correction.csv by a load that ran at the same time, so the lake was"
                        + " left as it was.");
        // and run again, the big one rejects the shared row and loads the rest: every transaction once
        MizanCli.Result again = cli.run("run", "ingest-remittances", "file=" + big);
        assertThat(again.out())
                .contains(ROWS + " lines read: " + (ROWS - 1) + " transactions stored, 1 rejected")
                .contains("rejected by rule: duplicate_loaded 1");
        List<Object> fingerprint =
                cli.query(SqlFiles.text("queries/checksum.sql")).get(0);
        assertThat(fingerprint.subList(0, 2).toString()).isEqualTo("[" + ROWS + ", " + ROWS + "]");
    }
}
