package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A delivered file is identified by the path the steward gave and its content, not by its base name: two files of
 * one name in two folders, or two names that read alike, are two loads; the same path again replaces its load and
 * says so; the same content under another path is refused rather than counted twice.
 */
class LoadIdentityIT {

    private static final String HEADER = "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";

    private static List<String> rows(String provider, String prefix, int n) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= n; i++) {
            lines.add(String.format("%s-%04d,%s,2024-03-%02dT10:00:00+03:00,QA,NP-P1-DHA-M01,100.00,QAR,2.00,,mto",
                    prefix, i, provider, 1 + i % 28));
        }
        return lines;
    }

    private static Path deliver(Path dir, String name, List<String> lines) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private MizanCli cli;

    @Test
    void twoFilesOfOneNameAreTwoLoadsAndOnlyTheSamePathReplaces() throws IOException {
        cli = MizanCli.inTempHome("identity");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        Path inbox = MizanCli.tempDir("identity-inbox");
        // given march.csv from two providers in two folders
        Path p1 = deliver(inbox.resolve("p1"), "march.csv", rows("MTO-001", "A", 100));
        Path p2 = deliver(inbox.resolve("p2"), "march.csv", rows("MTO-002", "B", 50));
        // when both are loaded
        assertThat(cli.run("run", "ingest-remittances", "file=" + p1).code()).isZero();
        MizanCli.Result second = cli.run("run", "ingest-remittances", "file=" + p2);
        // then both providers' rows are there, and the second load replaced nothing
        assertThat(second.code()).isZero();
        assertThat(second.out()).doesNotContain("replaces");
        assertThat(perProvider()).isEqualTo("MTO-001 100, MTO-002 50");

        // given two names that the lake's file names would once have made alike
        assertThat(cli.run("run", "ingest-remittances", "file=" + deliver(inbox, "a b.csv", rows("MTO-003", "C", 30))).code()).isZero();
        assertThat(cli.run("run", "ingest-remittances", "file=" + deliver(inbox, "a_b.csv", rows("MTO-003", "D", 20))).code()).isZero();
        // then both are kept
        assertThat(perProvider()).isEqualTo("MTO-001 100, MTO-002 50, MTO-003 50");

        // when p1/march.csv is delivered again, corrected (99 rows)
        deliver(inbox.resolve("p1"), "march.csv", rows("MTO-001", "A", 99));
        MizanCli.Result again = cli.run("run", "ingest-remittances", "file=" + p1);
        // then it replaces its own earlier load, says which, and leaves p2's alone
        assertThat(again.code()).isZero();
        assertThat(again.out()).containsPattern("  replaces the earlier load of " + java.util.regex.Pattern.quote(p1.toString())
                + " \\(run \\d+, [0-9-]+ [0-9:]+, SHA-256 [0-9a-f]{12}…\\): new content, SHA-256 [0-9a-f]{12}…");
        assertThat(perProvider()).isEqualTo("MTO-001 99, MTO-002 50, MTO-003 50");

        // when p2's exact bytes come in again under another folder
        Path copy = Files.copy(p2, Files.createDirectories(inbox.resolve("p3")).resolve("march.csv"));
        MizanCli.Result dup = cli.run("run", "ingest-remittances", "file=" + copy);
        // then the load fails, naming the load it repeats, and nothing changed
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.out()).contains("FAILED: " + copy + ": has exactly the content of " + p2 + " (run ")
                .contains("deliver the file again under its own path, " + p2);
        assertThat(perProvider()).isEqualTo("MTO-001 99, MTO-002 50, MTO-003 50");
    }

    private String perProvider() {
        return cli.value("select string_agg(provider_id || ' ' || n, ', ' order by provider_id)"
                + " from (select provider_id, count(*) as n from remittance_transactions group by provider_id)");
    }
}
