package org.mizan.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads every dataset of a Mizan lake with Spark in local mode, as README.md ("Reading the lake from other engines")
 * says, and with DuckDB's read_parquet(hive_partitioning), and prints each dataset's rows and sums from both and
 * whether they are equal. Usage: SparkRead LAKE_DIR.
 */
public final class SparkRead {

    /** What is summed per dataset (the same SQL in both engines). */
    private static final Map<String, String> SUMS = new LinkedHashMap<>();

    static {
        SUMS.put("admin_units", "count(*), sum(level), count(distinct period)");
        SUMS.put("fx_rates", "count(*), sum(per_usd), count(distinct period)");
        SUMS.put(
                "remittance_transactions",
                "count(*), sum(amount), sum(fee), count(distinct period), count(distinct source)");
        SUMS.put("corridor_aggregates", "count(*), sum(amount_usd), sum(txn_count), count(distinct period)");
        SUMS.put("corridor_costs", "count(*), round(sum(avg_cost_pct), 4), count(distinct period)");
        SUMS.put("projects", "count(*), count(distinct project_id)");
        SUMS.put("project_sectors", "count(*), sum(percentage)");
        SUMS.put("project_places", "count(*), sum(share_pct)");
        SUMS.put("funding_entries", "count(*), sum(amount), count(distinct period)");
        SUMS.put("plan_allocations", "count(*), sum(planned_amount)");
        SUMS.put("code_list_items", "count(*), count(distinct code_list)");
        SUMS.put("registry_people", "count(*), sum(birth_year), count(distinct period)");
        SUMS.put("service_deliveries", "count(*), sum(amount), count(distinct period)");
    }

    public static void main(String[] args) throws Exception {
        Path lake = Path.of(args[0]).toAbsolutePath().normalize();
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("mizan-lake-read")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                // Spark 4.0.1's vectorized reader fails on a BYTE_ARRAY decimal of precision <= 18
                // (NullPointerException in BinaryToDecimalUpdater, bench/README.md); the row reader reads it
                .config("spark.sql.parquet.enableVectorizedReader", "false")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int differ = 0;
        int read = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            for (Map.Entry<String, String> e : SUMS.entrySet()) {
                Path dir = lake.resolve(e.getKey());
                if (!Files.isDirectory(dir) || !hasParquet(dir)) {
                    System.out.printf("%-24s (not loaded)%n", e.getKey());
                    continue;
                }
                long t0 = System.nanoTime();
                spark.read()
                        .option("basePath", dir.toString())
                        .option("mergeSchema", "true")
                        .parquet(dir.toString())
                        .createOrReplaceTempView(e.getKey());
                Row row = spark.sql("select " + e.getValue() + " from " + e.getKey())
                        .first();
                List<String> sparkValues = new ArrayList<>();
                for (int i = 0; i < row.length(); i++) {
                    sparkValues.add(text(row.get(i)));
                }
                long sparkMs = (System.nanoTime() - t0) / 1_000_000;
                t0 = System.nanoTime();
                List<String> duckValues = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select " + e.getValue() + " from read_parquet('" + dir
                        + "/**/*.parquet', hive_partitioning = true,"
                        + " hive_types = {'period': 'VARCHAR', 'source': 'VARCHAR'}, union_by_name = true)")) {
                    rs.next();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        duckValues.add(text(rs.getObject(i)));
                    }
                }
                long duckMs = (System.nanoTime() - t0) / 1_000_000;
                boolean same = sparkValues.equals(duckValues);
                differ += same ? 0 : 1;
                read++;
                System.out.printf(
                        "%-24s spark %s (%d ms)  duckdb %s (%d ms)  %s%n",
                        e.getKey(),
                        String.join("|", sparkValues),
                        sparkMs,
                        String.join("|", duckValues),
                        duckMs,
                        same ? "equal" : "DIFFERENT");
            }
        } finally {
            spark.stop();
        }
        System.out.printf("%d datasets read, %d equal, %d different%n", read, read - differ, differ);
        System.exit(differ == 0 ? 0 : 1);
    }

    private static boolean hasParquet(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    /** A value as both engines' results print alike: decimals without trailing zeros, whole numbers as integers. */
    private static String text(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
