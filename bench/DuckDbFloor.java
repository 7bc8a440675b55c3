import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Pipeline (f) of the benchmark: the floor. DuckDB alone parses the CSV, writes it as a lake partitioned by month
 * and source, and copies the lake into a warehouse file, with no check of any row (bench/duckdb_floor.sql says
 * what it leaves out). No pipeline that keeps Mizan's lake and warehouse can be faster on the same machine.
 *
 * <pre>java -cp duckdb_jdbc-1.4.2.0.jar bench/DuckDbFloor.java CSV WORKDIR [SQLFILE]</pre>
 *
 * WORKDIR must not hold {@code floor-lake} or {@code floor.duckdb} yet. Prints each statement's in-process time.
 */
public class DuckDbFloor {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp duckdb_jdbc.jar bench/DuckDbFloor.java CSV WORKDIR [SQLFILE]");
            System.exit(2);
        }
        Path csv = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        Path lake = work.resolve("floor-lake");
        Path warehouse = work.resolve("floor.duckdb");
        if (Files.exists(lake) || Files.exists(warehouse)) {
            throw new IllegalStateException(
                    work + " already holds floor-lake or floor.duckdb: the floor needs a fresh directory");
        }
        String script = Files.readString(Path.of(args.length > 2 ? args[2] : "bench/duckdb_floor.sql"))
                .replace("${file}", quoted(csv))
                .replace("${lake}", quoted(lake))
                .replace("${warehouse}", quoted(warehouse));
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            runScript(st, script, "floor");
        }
        System.out.printf("floor: %6.2f s in-process in all%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs a floor's script, statement by statement (each ends with a semicolon at the end of a line; comment lines
     * skipped), printing each one's in-process time after {@code label}: also (f2)'s, bench/SameLakeFloor.java.
     */
    static void runScript(Statement st, String script, String label) throws java.sql.SQLException {
        StringBuilder statement = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--") || line.isBlank()) {
                continue;
            }
            statement.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = statement.toString().strip();
                statement.setLength(0);
                long t0 = System.nanoTime();
                st.execute(sql.substring(0, sql.length() - 1));
                String first = sql.replaceAll("\\s+", " ");
                System.out.printf(
                        "%s: %6.2f s  %s%n",
                        label, (System.nanoTime() - t0) / 1e9, first.substring(0, Math.min(60, first.length())));
            }
        }
    }

    private static String quoted(Path p) {
        return p.toString().replace("'", "''");
    }
}
