package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.DuckDb;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.warehouse.Warehouse;

/**
 * The warehouse build checks every contract of {@code warehouse/contracts/} before it publishes: a build whose views
 * break one fails with the view, the rule and an example row, and {@code query} goes on reading the previous build.
 */
class ContractsBeforePublishIT {

    private static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";

    @Test
    void aBuildThatBreaksAContractIsNotPublished() throws Exception {
        // given a published warehouse with 3 transactions of MTO-G
        MizanCli cli = MizanCli.inTempHome("contracts-before-publish");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        Path inbox = MizanCli.tempDir("contracts-before-publish-inbox");
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 3; i++) {
            lines.add(String.format(
                    "MTO-G-%02d,MTO-G,2024-03-%02dT10:00:00+03:00,QA,NP-P1-DHA-M01,100.00,QAR,2.00,,mto", i, i));
        }
        Path good = Files.write(inbox.resolve("good.csv"), lines, StandardCharsets.UTF_8);
        assertThat(cli.run("run", "ingest-remittances", "file=" + good).code()).isZero();
        Path published = cli.home().resolve("warehouse/mizan.duckdb").toRealPath();

        // and a unit committed to the lake (through its own protocol) that repeats one of them: same provider, same
        // txn_id
        Lake lake = new Lake(cli.home().resolve("lake"));
        Path goodFile;
        try (Stream<Path> s = Files.walk(lake.dir(Dataset.REMITTANCE_TRANSACTIONS))) {
            goodFile = s.filter(p -> p.getFileName().toString().startsWith("good.csv-"))
                    .findFirst()
                    .orElseThrow();
        }
        Path staging = cli.home().resolve("lake/_staging/again");
        Path rel = Path.of("period=2024-03/source=MTO-G/again.csv-00000000.parquet");
        Files.createDirectories(staging.resolve(rel).getParent());
        try (Connection c = DuckDb.inMemory();
                Statement st = c.createStatement()) {
            st.execute("copy (select * from read_parquet('" + goodFile + "') where txn_id = 'MTO-G-02') to '"
                    + staging.resolve(rel) + "' (format parquet)");
        }
        lake.exclusive(() -> lake.commit(Dataset.REMITTANCE_TRANSACTIONS, "again.csv-00000000", staging, List.of(rel)));

        List<String> builds = builds(cli.home());

        // when the warehouse is built
        Throwable refused = catchThrowable(() -> new Warehouse(new MizanHome(cli.home())).rebuild());

        // then the build fails naming the view, the rule and an example row
        assertThat(refused).isInstanceOf(IllegalStateException.class);
        assertThat(refused.getMessage().lines().toList())
                .containsExactly("this build is not published: view remittance_transactions"
                        + " breaks its contract: provider_id and txn_id are never null, and unique together (1 row, e.g. provider_id=MTO-G,"
                        + " txn_id=MTO-G-02, count_star()=2; warehouse/contracts/remittance_transactions.sql)");
        // and the previous build is still the published one: query reads its 3 transactions
        assertThat(cli.home().resolve("warehouse/mizan.duckdb").toRealPath()).isEqualTo(published);
        MizanCli.Result q = cli.run(
                "query",
                "select count(*) as n, count(distinct txn_id) as ids from remittance_transactions",
                "--format",
                "csv");
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.out().strip().lines().toList()).containsExactly("n,ids", "3,3");
        // and the refused build left no file behind
        assertThat(builds(cli.home())).isEqualTo(builds);
    }

    private static List<String> builds(Path home) throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("warehouse"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("mizan-"))
                    .sorted()
                    .toList();
        }
    }
}
