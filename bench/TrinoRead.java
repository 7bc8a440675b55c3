import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.mizan.lake.Dataset;

/**
 * Reads every dataset of a Mizan lake with Trino (a running single-node server, through its command-line client) as
 * README.md ("Reading the lake from other engines") says, and with DuckDB's read_parquet(hive_partitioning), and
 * prints each dataset's rows and sums from both and whether they are equal. Run by bench/trino-read.sh, which starts
 * the server; not a test.
 *
 * <pre>java -cp target/classes:$(cat cp.txt) bench/TrinoRead.java LAKE_DIR CLI_COMMAND...</pre>
 *
 * CLI_COMMAND is how to run the Trino client against the server (for example {@code java -jar trino-cli.jar
 * --server http://127.0.0.1:18080}); each statement is passed with {@code --execute}. Each dataset is registered as
 * README.md's statements do: {@code CREATE TABLE hive.mizan.<dataset> (<the file schema's columns>, period varchar,
 * source varchar) WITH (format = 'PARQUET', external_location = 'local://<dataset folder>', partitioned_by =
 * ARRAY['period', 'source'])}, then {@code CALL hive.system.sync_partition_metadata(…, 'FULL')}. The columns and
 * their Trino types come from the dataset's Avro schema less the partition field ({@link Dataset#fileSchema()}).
 */
public final class TrinoRead {

    /** What is summed per dataset (the same SQL in both engines; SparkRead's list). */
    private static final Map<String, String> SUMS = new LinkedHashMap<>();

    static {
        SUMS.put("admin_units", "count(*), sum(level), count(distinct period)");
        SUMS.put("fx_rates", "count(*), sum(per_usd), count(distinct period)");
        SUMS.put(
                "remittance_transactions",
                "count(*), sum(amount), sum(fee), count(distinct period), count(distinct source),"
                        + " min(sent_at), max(sent_at), count(distinct sent_on)");
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
        if (args.length < 2) {
            System.err.println("usage: TrinoRead LAKE_DIR CLI_COMMAND...");
            System.exit(2);
        }
        Path lake = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> cli = List.of(args).subList(1, args.length);
        trino(cli, "CREATE SCHEMA IF NOT EXISTS hive.mizan");
        int differ = 0;
        int read = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            // DuckDB shows instants in the session's zone: UTC, as Trino's timestamp(6) shows the stored UTC value
            s.execute("SET TimeZone = 'UTC'");
            for (Map.Entry<String, String> e : SUMS.entrySet()) {
                String name = e.getKey();
                Path dir = lake.resolve(name);
                if (!Files.isDirectory(dir) || !hasParquet(dir)) {
                    System.out.printf("%-24s (not loaded)%n", name);
                    continue;
                }
                long t0 = System.nanoTime();
                trino(cli, "DROP TABLE IF EXISTS hive.mizan." + name);
                String ddl = createTable(Dataset.of(name), dir);
                if (name.equals("remittance_transactions")) {
                    System.out.println(ddl + ";");
                }
                trino(cli, ddl);
                trino(cli, "CALL hive.system.sync_partition_metadata('mizan', '" + name + "', 'FULL')");
                String out = trino(cli, "SELECT " + e.getValue() + " FROM hive.mizan." + name)
                        .strip();
                List<String> trinoValues = new ArrayList<>();
                for (String v : out.split(",", -1)) {
                    trinoValues.add(text(v));
                }
                long trinoMs = (System.nanoTime() - t0) / 1_000_000;
                t0 = System.nanoTime();
                List<String> duckValues = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select " + e.getValue().replace("sent_at)", "sent_at::timestamp)")
                        + " from read_parquet('" + dir
                        + "/**/*.parquet', hive_partitioning = true,"
                        + " hive_types = {'period': 'VARCHAR', 'source': 'VARCHAR'}, union_by_name = true)")) {
                    rs.next();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        duckValues.add(text(v == null ? "" : v.toString()));
                    }
                }
                long duckMs = (System.nanoTime() - t0) / 1_000_000;
                boolean same = trinoValues.equals(duckValues);
                differ += same ? 0 : 1;
                read++;
                System.out.printf(
                        "%-24s trino %s (%d ms, with the table's creation)  duckdb %s (%d ms)  %s%n",
                        name,
                        String.join("|", trinoValues),
                        trinoMs,
                        String.join("|", duckValues),
                        duckMs,
                        same ? "equal" : "DIFFERENT");
            }
        }
        System.out.printf("%d datasets read, %d equal, %d different%n", read, read - differ, differ);
        System.exit(differ == 0 ? 0 : 1);
    }

    /** README.md's statement for a dataset: the file schema's columns, then the partition columns as text. */
    static String createTable(Dataset d, Path dir) {
        StringBuilder b = new StringBuilder("CREATE TABLE hive.mizan." + d.folder() + " (\n    ");
        int n = 0;
        for (Schema.Field f : d.fileSchema().getFields()) {
            b.append(f.name())
                    .append(' ')
                    .append(trinoType(f.schema(), f.name()))
                    .append(", ");
            if (++n % 5 == 0) {
                b.append("\n    ");
            }
        }
        b.append("\n    period varchar, source varchar)\n")
                .append("WITH (format = 'PARQUET',\n      external_location = 'local://")
                .append(dir)
                .append("',\n      partitioned_by = ARRAY['period', 'source'])");
        return b.toString();
    }

    private static String trinoType(Schema s, String field) {
        if (s.getType() == Schema.Type.UNION) {
            for (Schema branch : s.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    return trinoType(branch, field);
                }
            }
        }
        LogicalType l = s.getLogicalType();
        if (l instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + ", " + d.getScale() + ")";
        }
        if (l instanceof LogicalTypes.Date) {
            return "date";
        }
        if (l instanceof LogicalTypes.TimestampMicros) {
            return "timestamp(6)";
        }
        if (l instanceof LogicalTypes.TimestampMillis) {
            return "timestamp(3)";
        }
        return switch (s.getType()) {
            case STRING -> "varchar";
            case INT -> "integer";
            case LONG -> "bigint";
            case DOUBLE -> "double";
            case FLOAT -> "real";
            case BOOLEAN -> "boolean";
            default -> throw new IllegalArgumentException(field + ": no Trino type for " + s);
        };
    }

    /** Runs one statement with the client; returns its output (CSV, no header, no quotes). */
    private static String trino(List<String> cli, String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(cli);
        command.addAll(List.of("--output-format", "CSV_UNQUOTED", "--execute", sql));
        Path err = Files.createTempFile("trino-cli", ".err");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.to(err.toFile()))
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(
                        "trino failed on: " + sql + "\n" + out + Files.readString(err, StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static boolean hasParquet(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    /**
     * A value as both engines print alike: numbers without trailing zeros, instants as {@code yyyy-MM-dd HH:mm:ss.ffffff}.
     */
    private static String text(String v) {
        if (v.isEmpty()) {
            return "null";
        }
        if (v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            BigDecimal d = new BigDecimal(v);
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v.matches("\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?")) {
            String t = v.replace('T', ' ');
            if (t.length() == 16) {
                t += ":00";
            }
            if (t.length() == 19) {
                t += ".";
            }
            return (t + "000000").substring(0, 26);
        }
        return v;
    }
}
