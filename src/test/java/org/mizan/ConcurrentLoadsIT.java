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
 */
class ConcurrentLoadsIT {

    @Test
    void aTransactionCommittedByAConcurrentLoadIsNeverCountedTwice() throws Exception {
        Path data = MizanCli.tempDir("concurrent-data");
        Process gen = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "bench/GenerateRemittances.java",
                        "1000000",
                        "11",
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("generate.log").toFile())
                .start();
        assertThat(gen.waitFor()).isZero();
        MizanCli cli = MizanCli.inTempHome("concurrent");
        assertThat(cli.run("run", "load-gazetteer", "file=" + data.resolve("admin_units.csv"))
                        .code())
                .isZero();
        assertThat(cli.run("run", "load-fx-rates", "file=" + data.resolve("fx_rates.csv"))
                        .code())
                .isZero();
        Path big = data.resolve("remittances.csv");
        // a small file that shares line 500,001 of the big one (a transaction both providers' files carry)
        List<String> lines;
        try (var s = Files.lines(big)) {
            lines = s.limit(500_001).toList();
        }
        Path small = data.resolve("correction.csv");
        Files.write(small, List.of(lines.get(0), lines.get(500_000)));

        // when the big file (run 3) is being ingested and the small one (run 4) is loaded meanwhile
        CompletableFuture<MizanCli.Result> bigRun =
                CompletableFuture.supplyAsync(() -> cli.run("run", "ingest-remittances", "file=" + big));
        Path staging = cli.home().resolve("lake/_staging/ingest-remittances-3");
        Await.onChangeIn(
                staging.getParent(),
                "the big load started staging",
                () -> Files.isDirectory(staging) || bigRun.isDone());
        assertThat(staging).as("the big load started staging").isDirectory();
        MizanCli.Result smallRun = cli.run("run", "ingest-remittances", "file=" + small);
        MizanCli.Result first = bigRun.get(Await.HANG.toMinutes(), TimeUnit.MINUTES);

        // then the small one is in, and the big one stopped before its commit, naming the line and the other file
        assertThat(smallRun.out())
                .contains("1 line read: 1 transaction stored, 0 rejected")
                .contains("COMPLETED");
        assertThat(first.code()).as(first.out()).isEqualTo(1);
        assertThat(first.out())
                .contains("remittances.csv: 1 of its transactions (the first on line 500001) were loaded from"
                        + " correction.csv by a load that ran at the same time, so the lake was left as it was.");
        // and run again, the big one rejects the shared row and loads the rest: every transaction once
        MizanCli.Result again = cli.run("run", "ingest-remittances", "file=" + big);
        assertThat(again.out())
                .contains("1000000 lines read: 999999 transactions stored, 1 rejected")
                .contains("rejected by rule: duplicate_loaded 1");
        List<Object> fingerprint =
                cli.query(SqlFiles.text("queries/checksum.sql")).get(0);
        assertThat(fingerprint.subList(0, 2).toString()).isEqualTo("[1000000, 1000000]");
    }
}
