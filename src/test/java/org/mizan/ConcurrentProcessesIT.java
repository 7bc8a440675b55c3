package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
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
 * first and says for which run. Ten trials, and every row of every file is loaded exactly once.
 */
class ConcurrentProcessesIT {

    private static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";
    private static final int TRIALS = 10;

    @Test
    void twoProcessesLoadingAtOnceEachLoadEveryRowOnce() throws Exception {
        MizanCli cli = MizanCli.inTempHome("processes");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        Path inbox = MizanCli.tempDir("processes-inbox");
        int waited = 0;
        for (int trial = 1; trial <= TRIALS; trial++) {
            // given two small files of two providers
            Path c = file(inbox, "C" + trial + ".csv", "MTO-C", trial, 7);
            Path d = file(inbox, "D" + trial + ".csv", "MTO-D", trial, 5);
            // when both are loaded at the same moment by two processes
            Process pc = load(cli.home(), c);
            Process pd = load(cli.home(), d);
            for (Process p : List.of(pc, pd)) {
                // a guard against a hang only
                assertThat(p.waitFor(10, TimeUnit.MINUTES))
                        .as("trial %d: a load hung", trial)
                        .isTrue();
            }
            String outC = Files.readString(log(c));
            String outD = Files.readString(log(d));
            // then both complete
            assertThat(pc.exitValue()).as("trial %d:%n%s", trial, outC).isZero();
            assertThat(pd.exitValue()).as("trial %d:%n%s", trial, outD).isZero();
            assertThat(outC)
                    .contains("7 lines read: 7 transactions stored, 0 rejected")
                    .contains("COMPLETED");
            assertThat(outD)
                    .contains("5 lines read: 5 transactions stored, 0 rejected")
                    .contains("COMPLETED");
            for (String out : List.of(outC, outD)) {
                if (out.contains("mizan: waiting for ")) {
                    assertThat(out)
                            .containsPattern(
                                    "mizan: waiting for (run \\d+ \\(ingest-remittances \\S+\\) \\(process \\d+\\)"
                                            + "|process \\d+ \\(run ingest-remittances\\)"
                                            // (the lock taken, its holder not yet described: the moment between the
                                            // two)
                                            + "|another Mizan process) to finish: one load at a time on "
                                            + java.util.regex.Pattern.quote(
                                                    cli.home().toString()));
                    waited++;
                }
            }
        }
        // and every row of every file is there once
        assertThat(cli.value(
                        "select count(*) || '|' || count(distinct provider_id || txn_id) from remittance_transactions"))
                .isEqualTo((TRIALS * 12) + "|" + (TRIALS * 12));
        assertThat(cli.value("select string_agg(provider_id || ' ' || n, ', ' order by provider_id) from"
                        + " (select provider_id, count(*) as n from remittance_transactions group by provider_id)"))
                .isEqualTo("MTO-C " + TRIALS * 7 + ", MTO-D " + TRIALS * 5);
        assertThat(cli.run("history").out()).doesNotContain("FAILED").doesNotContain("STARTED");
        // loads started together do meet: at least one trial saw one of them wait for the other
        assertThat(waited).isPositive();
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

    /** A load in a process of its own, as the launcher starts one (a small heap and a quick start: small files). */
    private static Process load(Path home, Path file) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString()
                + (File.separatorChar == '\\' ? ".exe" : "");
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                "org.mizan.cli.MizanMain",
                "run",
                "ingest-remittances",
                "file=" + file);
        pb.environment().put("MIZAN_HOME", home.toString());
        return pb.redirectErrorStream(true).redirectOutput(log(file).toFile()).start();
    }
}
