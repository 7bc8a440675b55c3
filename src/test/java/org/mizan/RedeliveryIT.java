package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loads are idempotent by file: the same file delivered again replaces its own load and never counts twice; a
 * second file for the same period adds to the first; a transaction already loaded from another file is rejected
 * and the reject names that file.
 */
class RedeliveryIT {

    private MizanCli cli;

    /** A home with the gazetteer and the FX rates loaded (once in this JVM), copied for each test. */
    @BeforeEach
    void freshHome() {
        cli = MizanCli.withGazetteerAndFx("redelivery");
    }

    @Test
    void theSameFileDeliveredTwiceGivesTheSameWarehouse() {
        // given one load
        MizanCli.Result first = cli.load("ingest-remittances", "remittances/mto-017_2024-03.csv");
        String once = totals();
        // when the provider sends the same file again
        MizanCli.Result second = cli.load("ingest-remittances", "remittances/mto-017_2024-03.csv");
        // then the counts and sums are identical
        assertThat(totals()).isEqualTo(once).isEqualTo("137|3|108927.8618");
        assertThat(summary(second)).isEqualTo(summary(first));
    }

    @Test
    void aSecondFileForTheSamePeriodAddsAndADuplicateIsRejectedNamingTheFirstFile() throws IOException {
        cli.load("ingest-remittances", "remittances/mto-017_2024-03.csv");
        // given a correction file: two transactions already loaded, one new
        List<String> original = Files.readAllLines(MizanCli.FIXTURES.resolve("remittances/mto-017_2024-03.csv"));
        List<String> lines = new ArrayList<>(List.of(
                original.get(0),
                original.get(1),
                original.get(2),
                "T-2024-017-9001,MTO-017,2024-03-20T10:00:00+03:00,QA,NP-P1-DHA-M01,1000.00,QAR,10.00,,mto"));
        Path correction = MizanCli.tempDir("delivery").resolve("mto-017_2024-03_b.csv");
        Files.write(correction, lines, StandardCharsets.UTF_8);
        // when it is loaded
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + correction);
        // then the new transaction is added and the two old ones are rejected, naming the first file
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("3 lines read: 1 transaction stored, 2 rejected")
                .contains("rejected by rule: duplicate_loaded 2");
        // read as CSV (the quarantine quotes only the fields that need it)
        assertThat(org.mizan.jobs.ingest.QuarantineReader.read(quarantineOf(r), StandardCharsets.UTF_8))
                .extracting(row -> row.subList(0, 4))
                .contains(List.of(
                        "mto-017_2024-03_b.csv",
                        "2",
                        "duplicate_loaded",
                        "txn_id T-2024-017-0001 of MTO-017 was already loaded from mto-017_2024-03.csv"));
        assertThat(totals()).isEqualTo("138|3|109202.4965");
        // and delivering the correction again still counts it once
        cli.run("run", "ingest-remittances", "file=" + correction);
        assertThat(totals()).isEqualTo("138|3|109202.4965");
    }

    @Test
    void aFileWhoseRowsAreAllRejectedLeavesTheLakeAsItWasAndFails() throws IOException {
        cli.load("ingest-remittances", "remittances/mto-017_2024-03.csv");
        String before = totals();
        Path bad = MizanCli.tempDir("delivery").resolve("mto-017_2024-03.csv");
        Files.writeString(
                bad,
                "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n"
                        + "T-1,MTO-017,yesterday,QA,NP-P1-DHA-M01,10,QAR,1,,mto\n");
        // when the same file name comes back with only bad rows
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + bad);
        // then the job fails, says why, and the earlier load of that file is still there
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("every one of its 1 rows was rejected, so the lake was left as it was")
                .contains("FAILED in");
        assertThat(totals()).isEqualTo(before);
    }

    private String totals() {
        return cli.value(
                "select count(*) || '|' || count(*) filter (where amount_usd is null) || '|' || sum(amount_usd) from remittance_transactions");
    }

    private static String summary(MizanCli.Result r) {
        return r.out()
                .lines()
                .filter(l -> l.contains(" lines read: ") || l.startsWith("  rejected by rule"))
                .toList()
                .toString();
    }

    private static Path quarantineOf(MizanCli.Result r) {
        String line = r.out()
                .lines()
                .filter(l -> l.startsWith("  quarantine: "))
                .findFirst()
                .orElseThrow();
        return Path.of(line.substring("  quarantine: ".length()));
    }
}
