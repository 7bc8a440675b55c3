package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A planner queries in a loop from a second process while a steward loads again and again: not one query fails
 * (no lock error, no missing table) and every answer is one of the complete states, never a half-loaded one.
 */
class PublishWhileQueryingIT {

    private static final String SQL =
            "select count(*), sum(amount_usd), (select count(*) from remittance_inflows) from remittance_transactions";

    @Test
    void everyAnswerDuringRepeatedLoadsIsAWholeState() throws Exception {
        // a home with the gazetteer and the FX rates loaded (a copy of one loaded once in this JVM)
        MizanCli cli = MizanCli.withGazetteerAndFx("publish-while-querying");
        // the same delivered file (one path) in two versions, delivered in turn: the second without its last 50 lines
        Path dir = MizanCli.tempDir("versions");
        List<String> full = Files.readAllLines(MizanCli.FIXTURES.resolve("remittances/mto-017_2024-03.csv"));
        List<String> shorter = full.subList(0, full.size() - 50);
        Path delivered = dir.resolve("mto-017_2024-03.csv");
        Files.write(delivered, shorter);
        assertThat(cli.run("run", "ingest-remittances", "file=" + delivered).code())
                .isZero();
        String stateShort = "ok " + cli.query(SQL).get(0);
        Files.write(delivered, full);
        assertThat(cli.run("run", "ingest-remittances", "file=" + delivered).code())
                .isZero();
        String stateFull = "ok " + cli.query(SQL).get(0);
        assertThat(stateShort).isNotEqualTo(stateFull);

        Path stop = dir.resolve("stop");
        Process planner = new ProcessBuilder(TestJvm.command(
                        List.of("-Xmx256m"),
                        QueryLoop.class.getName(),
                        cli.home().toString(),
                        stop.toString(),
                        SQL))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("answers.log").toFile())
                .start();
        Path log = dir.resolve("answers.log");
        try {
            // the loads begin once the planner answers (its JVM starting late on a busy machine misses none)
            awaitAnswer(dir, log, planner, stateFull);
            for (int i = 0; i < 6; i++) {
                Files.write(delivered, i % 2 == 0 ? shorter : full);
                MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + delivered);
                assertThat(r.code()).as(r.out() + r.err()).isZero();
                // the planner has seen the state this load published before the next load begins
                awaitAnswer(dir, log, planner, i % 2 == 0 ? stateShort : stateFull);
            }
            Await.onChangeIn(dir, "more than 20 answers", () -> answers(log).size() > 20 || !planner.isAlive());
        } finally {
            Files.writeString(stop, "");
            planner.waitFor();
        }
        List<String> answers = answers(log);
        Set<String> distinct = answers.stream().collect(Collectors.toSet());
        assertThat(answers.size()).as("queries answered during six loads").isGreaterThan(20);
        assertThat(distinct)
                .as("every answer is a whole state, and no query failed")
                .isSubsetOf(stateShort, stateFull);
        assertThat(distinct)
                .as("the planner saw both states come and go")
                .containsExactlyInAnyOrder(stateShort, stateFull);
    }

    /** The planner's answers so far (whole lines only). */
    private static List<String> answers(Path log) {
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            String text = Files.readString(log);
            return text.substring(0, text.lastIndexOf('\n') + 1)
                    .lines()
                    .filter(l -> l.startsWith("ok ") || l.startsWith("error "))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until the planner's latest answer is {@code state} (or it answered an error, or ended). */
    private static void awaitAnswer(Path dir, Path log, Process planner, String state) {
        Await.onChangeIn(dir, "the planner answers " + state, () -> {
            List<String> a = answers(log);
            return !a.isEmpty()
                            && (a.get(a.size() - 1).equals(state)
                                    || a.get(a.size() - 1).startsWith("error "))
                    || !planner.isAlive();
        });
    }
}
