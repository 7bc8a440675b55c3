package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mizan.duckdb.DuckDb;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * A unit of load the warehouse cannot hold (here a Parquet file whose amounts are not numbers, committed to the
 * lake as a load whose values passed every check would be) never blocks unrelated loads: the next load's build
 * takes it out of the lake into the quarantine, builds without it and completes; status names it and how to
 * remove it.
 */
class BuildQuarantineIT {

    private static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";

    private static Path file(Path dir, String name, String provider, int rows) throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= rows; i++) {
            lines.add(String.format(
                    "%s-%02d,%s,2024-03-%02dT10:00:00+03:00,QA,NP-P1-DHA-M01,100.00,QAR,2.00,,mto",
                    provider, i, provider, i));
        }
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    @Test
    void aPoisonedLoadIsQuarantinedAndAnUnrelatedLoadSucceeds() throws Exception {
        MizanCli cli = MizanCli.inTempHome("build-quarantine");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        Path inbox = MizanCli.tempDir("build-quarantine-inbox");
        assertThat(cli.run("run", "ingest-remittances", "file=" + file(inbox.resolve("g"), "good.csv", "MTO-G", 10))
                        .code())
                .isZero();
        Path published = cli.home().resolve("warehouse/mizan.duckdb").toRealPath();

        // given a unit in the lake whose amounts the warehouse cannot read (committed through the lake's own protocol)
        Lake lake = new Lake(cli.home().resolve("lake"));
        Path good;
        try (Stream<Path> s = Files.walk(lake.dir(Dataset.REMITTANCE_TRANSACTIONS))) {
            good = s.filter(p -> p.getFileName().toString().startsWith("good.csv-"))
                    .findFirst()
                    .orElseThrow();
        }
        Path staging = cli.home().resolve("lake/_staging/poison");
        Path rel = Path.of("period=2024-03/source=MTO-P/poison.csv-00000000.parquet");
        Files.createDirectories(staging.resolve(rel).getParent());
        try (Connection c = DuckDb.inMemory();
                Statement st = c.createStatement()) {
            st.execute("copy (select * replace ('P-' || txn_id as txn_id, 'MTO-P' as provider_id, 'MTO-P' as source_id,"
                    + " 'not a number' as amount) from read_parquet('" + good + "')) to '" + staging.resolve(rel)
                    + "' (format parquet)");
        }
        lake.exclusive(
                () -> lake.commit(Dataset.REMITTANCE_TRANSACTIONS, "poison.csv-00000000", staging, List.of(rel)));

        // when an unrelated file is loaded
        MizanCli.Result r =
                cli.run("run", "ingest-remittances", "file=" + file(inbox.resolve("u"), "unrelated.csv", "MTO-U", 5));

        // then it completes, and says which unit was taken out of the lake, where to, and how to remove it
        Path held = cli.home().resolve("quarantine/builds/poison.csv-00000000");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("  quarantined: poison.csv-00000000: the warehouse cannot be built with its rows (")
                .contains("so its 1 lake file(s) were moved to " + held)
                .contains("remove the folder (rm -r " + held + ") to forget them.");
        assertThat(held.resolve("lake/remittance_transactions").resolve(rel)).isRegularFile();
        assertThat(lake.filesOf(Dataset.REMITTANCE_TRANSACTIONS, "poison.csv-00000000"))
                .isEmpty();
        // the warehouse holds the good and the unrelated rows, none of the poisoned ones
        assertThat(
                        cli.value(
                                "select string_agg(provider_id || ' ' || n, ', ' order by provider_id)"
                                        + " from (select provider_id, count(*) as n from remittance_transactions group by provider_id)"))
                .isEqualTo("MTO-G 10, MTO-U 5");
        assertThat(cli.home().resolve("warehouse/mizan.duckdb").toRealPath()).isNotEqualTo(published);
        // and status names it
        MizanCli.Result status = cli.run("status");
        assertThat(status.out())
                .contains("QUARANTINED poison.csv-00000000: the warehouse cannot be built with its rows (");
        // a later load builds as usual
        assertThat(cli.run("run", "ingest-remittances", "file=" + file(inbox.resolve("v"), "later.csv", "MTO-V", 3))
                        .out())
                .doesNotContain("quarantined")
                .contains("COMPLETED");
    }
}
