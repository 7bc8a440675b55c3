package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two loads started together on one home, each in a process of its own (as two stewards, or a cron job and a
 * steward, would start them): they never break each other's job repository connection; the second waits for the
 * first and says for which run, and every row of every file is loaded exactly once. The overlap is made certain,
 * not hoped for: the first load pauses at a point it announces (MIZAN_PAUSE_AT=staged:1, see the ingest's
 * CrashPoint: every row staged, the commit not begun) and is let go once the second has said that it waits for it.
 * Two trials, each provider's load first once.
 */
class ConcurrentProcessesIT {

    private static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";
    private static final int TRIALS = 2;

    @Test
    void twoProcessesLoadingAtOnceEachLoadEveryRowOnce() throws Exception {
        MizanCli cli = MizanCli.inTempHome("processes");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        Path inbox = MizanCli.tempDir("processes-inbox");
        Path paused = cli.home().resolve("pause-point");
        Path resume = cli.home().resolve("pause-point.resume");
        for (int trial = 1; trial <= TRIALS; trial++) {
            // given two small files of two providers
            Path c = file(inbox, "C" + trial + ".csv", "MTO-C", trial, 7);
            Path d = file(inbox, "D" + trial + ".csv", "MTO-D", trial, 5);
            // (MTO-C's load first in the first trial, MTO-D's in the second)
            Path first = trial % 2 == 1 ? c : d;
            Path second = first == c ? d : c;
            Files.deleteIfExists(paused);
            Files.deleteIfExists(resume);
            // when the first load has staged its rows and pauses before its commit (holding the home's lock) ...
            Process p1 = load(cli.home(), first, "staged:1");
            Process p2 = null;
            try {
                Await.onChangeIn(cli.home(), "the first load paused", () -> Files.exists(paused) || !p1.isAlive());
                assertThat(paused)
                        .as("trial %d: the first load ended before its pause:%n%s", trial, Files.readString(log(first)))
                        .exists();
                assertThat(Files.readString(paused)).isEqualTo("staged 1\n");
                // ... and a second process starts a load on the same home meanwhile
                p2 = load(cli.home(), second, null);
                Process waiting = p2;
                Await.onChangeIn(
                        inbox,
                        "the second load said it waits",
                        () -> read(log(second)).contains("mizan: waiting for ") || !waiting.isAlive());
            } finally {
                // the first load always goes on (also when the test failed above): none is left paused
                Files.writeString(resume, "");
            }
            for (Process p : java.util.Arrays.asList(p1, p2)) {
                // a guard against a hang only
                assertThat(p.waitFor(Await.HANG.toMinutes(), TimeUnit.MINUTES))
                        .as("trial %d: a load hung", trial)
                        .isTrue();
            }
            String out1 = Files.readString(log(first));
            String out2 = Files.readString(log(second));
            // then both complete
            assertThat(p1.exitValue()).as("trial %d:%n%s", trial, out1).isZero();
            assertThat(p2.exitValue()).as("trial %d:%n%s", trial, out2).isZero();
            assertThat(Files.readString(log(c)))
                    .contains("7 lines read: 7 transactions stored, 0 rejected")
                    .contains("COMPLETED");
            assertThat(Files.readString(log(d)))
                    .contains("5 lines read: 5 transactions stored, 0 rejected")
                    .contains("COMPLETED");
            // the first never waited; the second waited for the first, named by its run and its process
            assertThat(out1).doesNotContain("mizan: waiting for ");
            assertThat(out2)
                    .containsPattern("mizan: waiting for run \\d+ \\(ingest-remittances "
                            + java.util.regex.Pattern.quote(first.toString()) + "\\) \\(process " + p1.pid()
                            + "\\) to finish: one load at a time on "
                            + java.util.regex.Pattern.quote(cli.home().toString()));
        }
        // and every row of every file is there once
        assertThat(cli.value(
                        "select count(*) || '|' || count(distinct provider_id || txn_id) from remittance_transactions"))
                .isEqualTo((TRIALS * 12) + "|" + (TRIALS * 12));
        assertThat(cli.value("select string_agg(provider_id || ' ' || n, ', ' order by provider_id) from"
                        + " (select provider_id, count(*) as n from remittance_transactions group by provider_id)"))
                .isEqualTo("MTO-C " + TRIALS * 7 + ", MTO-D " + TRIALS * 5);
        assertThat(cli.run("history").out()).doesNotContain("FAILED").doesNotContain("STARTED");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path file(Path dir, String name, String provider, int trial, int rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= rows; i++) {
            lines.add(String.format(
                    "%s-%02d-%02d,%s,2024-03-%02dT10:00:00+03:00,QA,NP-P1-DHA-M01,100.00,QAR,2.00,,mto",
                    provider, trial, i, provider, i));
        }
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private static Path log(Path file) {
        return file.resolveSibling(file.getFileName() + ".log");
    }

    /**
     * A load in a process of its own, as the launcher starts one (a small heap and a quick start: small files); told
     * where to pause when {@code pauseAt} is not null.
     */
    private static Process load(Path home, Path file, String pauseAt) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(TestJvm.mizan("-Xmx512m", "run", "ingest-remittances", "file=" + file));
        pb.environment().put("MIZAN_HOME", home.toString());
        if (pauseAt != null) {
            pb.environment().put("MIZAN_PAUSE_AT", pauseAt);
        }
        return pb.redirectErrorStream(true).redirectOutput(log(file).toFile()).start();
    }
}
