package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.duckdb.DuckDb;
import org.mizan.lake.Dataset;

/**
 * The lake as another engine reads it (README.md, "Reading the lake from other engines"): after the golden world
 * and one file of every other kind, each dataset's folder read with DuckDB's plain
 * {@code read_parquet('<dataset>/**}{@code /*.parquet', hive_partitioning = true)} has the rows and sums of the
 * warehouse table built from it, and the files hold no partition column and standard logical types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiveLakeIT {

    private final MizanCli cli = MizanCli.goldenWorld("hive-lake");

    @BeforeAll
    void load() {
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        cli.load(
                "ingest-remittances",
                "real/wb_rpw_corridors_ATCR_2011Q1-2020Q3.csv",
                "mapping=remittances/wb-rpw-corridors");
        cli.load("ingest-ledgers", "real/iati_activity-standard-example-annotated_2.03.xml");
        cli.load("ingest-ledgers", "real/iati_codelist_TransactionType.xml");
    }

    /** One dataset: what is summed over its lake folder and over the warehouse table built from it, and the result. */
    private record Check(String dataset, String lake, String warehouse, String expected) {}

    private static final List<Check> CHECKS = List.of(
            new Check(
                    "admin_units",
                    "count(*), sum(level), count(distinct period)",
                    "select count(*), sum(level), 1 from w.dim_admin_units",
                    "10|21|1"),
            new Check(
                    "fx_rates",
                    "count(*), sum(per_usd)",
                    "select count(*), sum(per_usd) from w.dim_fx_rates",
                    "450|34941.84289200"),
            new Check(
                    "remittance_transactions",
                    "count(*), sum(amount), sum(fee), string_agg(distinct period::varchar, ' ' order by period::varchar)",
                    "select count(*), sum(amount), sum(fee), string_agg(distinct period, ' ' order by period)"
                            + " from w.fct_remittance_transactions",
                    "5|4000.0000|96.0000|2024-03"),
            new Check(
                    "corridor_aggregates",
                    "count(*), sum(amount_usd), sum(txn_count), string_agg(distinct period::varchar, ' ')",
                    "select count(*), sum(amount_usd), sum(txn_count), string_agg(distinct period, ' ')"
                            + " from w.fct_corridor_aggregates",
                    "2|4304.0000|5|2024-03"),
            new Check(
                    "corridor_costs",
                    "count(*), round(sum(avg_cost_pct), 6), count(distinct period)",
                    "select count(*), round(sum(avg_cost_pct), 6), count(distinct quarter)"
                            + " from w.fct_corridor_costs",
                    "10417|80387.222992|35"),
            new Check(
                    "projects",
                    "count(*), count(distinct project_id)",
                    "select count(*), count(distinct project_id) from w.dim_projects where load_unit is not null",
                    "1|1"),
            new Check(
                    "project_sectors",
                    "count(*), sum(percentage)",
                    "select count(*), sum(percentage) from w.dim_project_sectors",
                    "3|200.0000"),
            new Check(
                    "project_places",
                    "count(*), sum(share_pct)",
                    "select count(*), sum(share_pct) from w.int_project_place_shares",
                    "4|100.0000"),
            new Check(
                    "funding_entries",
                    "count(*), sum(amount)",
                    "select count(*), sum(amount) from w.fct_funding_entries",
                    "12|5600.0000"),
            new Check(
                    "plan_allocations",
                    "count(*), sum(planned_amount)",
                    "select count(*), sum(planned_amount) from w.int_plan_allocations",
                    "5|20000.0000"),
            new Check("code_list_items", "count(*)", "select count(*) from w.dim_code_lists", "13"),
            new Check(
                    "registry_people",
                    "count(*), sum(birth_year)",
                    "select count(*), sum(birth_year) from w.fct_registry_people",
                    "10|19900"),
            new Check(
                    "service_deliveries",
                    "count(*), count(distinct unit_code), min(delivered_on)",
                    "select count(*), count(distinct unit_code), min(delivered_on) from w.fct_service_deliveries",
                    "2|2|2024-03-01"));

    @Test
    void everyDatasetReadsAsAHiveTableWithTheWarehouseRowsAndSums() throws Exception {
        assertThat(CHECKS.stream().map(Check::dataset))
                .containsExactlyInAnyOrderElementsOf(
                        Stream.of(Dataset.values()).map(Dataset::folder).toList());
        List<String> lake = new ArrayList<>();
        List<String> warehouse = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement()) {
            s.execute("attach '" + cli.home().resolve("warehouse/mizan.duckdb").toRealPath() + "' as w (read_only)");
            for (Check check : CHECKS) {
                lake.add(check.dataset() + ": "
                        + row(
                                s,
                                "select " + check.lake() + " from read_parquet('" + glob(check.dataset())
                                        + "', hive_partitioning = true)"));
                warehouse.add(check.dataset() + ": " + row(s, check.warehouse()));
                expected.add(check.dataset() + ": " + check.expected());
            }
        }
        assertThat(lake).isEqualTo(warehouse);
        assertThat(lake).isEqualTo(expected);
    }

    @Test
    void theFilesHoldNoPartitionColumnAndStandardLogicalTypes() throws Exception {
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement()) {
            // the folder holds its partitions only: no schema file, no journal
            try (Stream<Path> files = Files.list(cli.home().resolve("lake/remittance_transactions"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .allSatisfy(n -> assertThat(n).startsWith("period="));
            }
            assertThat(rows(
                            s,
                            "select distinct name, type, logical_type::varchar from parquet_schema('"
                                    + glob("remittance_transactions") + "')"
                                    + " where name in ('period', 'source', 'amount', 'sent_at', 'sent_on')"
                                    + " order by name"))
                    .containsExactly(
                            "amount|BYTE_ARRAY|DecimalType(scale=4, precision=18)",
                            "sent_at|INT64|TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>,"
                                    + " MICROS=MicroSeconds(), NANOS=<null>))",
                            "sent_on|INT32|DateType()");
            // the partition columns come from the path: typed as text when asked, as Spark and Trino declare them
            assertThat(
                            row(
                                    s,
                                    "select typeof(min(period)), typeof(min(source)), min(period), count(distinct source) from read_parquet('"
                                            + glob("corridor_aggregates")
                                            + "', hive_partitioning = true, hive_types = {'period': 'VARCHAR', 'source': 'VARCHAR'})"))
                    .isEqualTo("VARCHAR|VARCHAR|2024-03|1");
        }
    }

    private String glob(String dataset) {
        return cli.home().resolve("lake").resolve(dataset) + "/**/*.parquet";
    }

    private static String row(Statement s, String sql) throws SQLException {
        List<String> rows = rows(s, sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    values.add(v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v));
                }
                out.add(String.join("|", values));
            }
        }
        return out;
    }
}
