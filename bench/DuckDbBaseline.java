import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Pipeline (b) of the benchmark: how fast DuckDB itself turns the CSV into a table, the reference the
 * Mizan ingest's wall time is divided by.
 *
 * <pre>java -cp duckdb_jdbc-1.4.2.0.jar bench/DuckDbBaseline.java CSV DBFILE [SQLFILE]</pre>
 *
 * DBFILE must not exist: an existing table or WAL would turn the load into something else. The SQL is kept
 * in bench/duckdb_baseline.sql so what is measured can be read without reading Java. The program prints the
 * in-process time of the statement as well, so JVM start-up can be told apart from DuckDB's own work.
 */
public class DuckDbBaseline {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp duckdb_jdbc.jar bench/DuckDbBaseline.java CSV DBFILE [SQLFILE]");
            System.exit(2);
        }
        Path csv = Path.of(args[0]).toAbsolutePath();
        Path db = Path.of(args[1]).toAbsolutePath();
        Path sqlFile = Path.of(args.length > 2 ? args[2] : "bench/duckdb_baseline.sql");
        if (Files.exists(db)) throw new IllegalStateException(db + " exists: the baseline needs a fresh database file");
        String sql = Files.readString(sqlFile).replace("${file}", csv.toString().replace("'", "''"));

        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
                Statement st = c.createStatement()) {
            st.execute(sql);
            double load = (System.nanoTime() - t0) / 1e9;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                System.out.printf(
                        "duckdb baseline: %d rows in table t, CREATE TABLE AS read_csv took %.2f s in-process%n",
                        rs.getLong(1), load);
            }
        }
    }
}
