import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.mizan.config.MizanHome;
import org.mizan.lake.Lake;
import org.mizan.warehouse.Warehouse;

/**
 * Pipeline (f2) of the benchmark, the fair floor: DuckDB alone writes the remittance lake in Mizan's own layout
 * (bench/duckdb_floor_lake.sql, one {@code COPY … PARTITION_BY}, no row checked), then Mizan's own warehouse build
 * ({@link Warehouse#update()}, as after a load: every mart, view and contract of warehouse/build/) reads it. No
 * Spring, no job repository, no ingest step. Runs on target/classes and the pom's classpath.
 *
 * <pre>java -cp CLASSES:target/classes:CP SameLakeFloor build CSV MIZAN_HOME SQLFILE
 * java -cp ... SameLakeFloor check MIZAN_HOME</pre>
 *
 * {@code build}: MIZAN_HOME holds the gazetteer and FX rates (loaded by ./mizan beforehand) and no remittance
 * lake yet. {@code check}: prints the published warehouse's count(*) and sum(amount_usd) of
 * remittance_transactions.
 */
public class SameLakeFloor {
    public static void main(String[] args) throws Exception {
        quietLogs();
        if (args.length == 2 && args[0].equals("check")) {
            check(Path.of(args[1]));
            return;
        }
        if (args.length != 4 || !args[0].equals("build")) {
            System.err.println("usage: SameLakeFloor build CSV MIZAN_HOME SQLFILE | check MIZAN_HOME");
            System.exit(2);
        }
        Path csv = Path.of(args[1]).toAbsolutePath().normalize();
        MizanHome home = new MizanHome(Path.of(args[2]).toAbsolutePath().normalize());
        Path lake = home.lake().resolve("remittance_transactions");
        if (Files.exists(lake)) {
            throw new IllegalStateException(lake + " exists: the floor writes a home with no remittance lake yet");
        }
        String script = Files.readString(Path.of(args[3]))
                .replace("${file}", quoted(csv.toString()))
                .replace("${lake}", quoted(lake.toString()))
                .replace("${source_file}", quoted(csv.getFileName().toString()))
                .replace("${unit}", quoted(Lake.unitOf(csv)));
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            // the same statement runner as the floor (f)'s: compiled before this file, into the same classes
            DuckDbFloor.runScript(st, script, "floor2");
        }
        long built = System.nanoTime();
        Path file = new Warehouse(home).update();
        System.out.printf(
                "floor2: %6.2f s  the warehouse build (Warehouse.update) into %s%n",
                (System.nanoTime() - built) / 1e9, file.getFileName());
        System.out.printf("floor2: %6.2f s in-process in all%n", (System.nanoTime() - start) / 1e9);
    }

    /** The published warehouse's rows and USD sum of remittance_transactions. */
    private static void check(Path root) throws Exception {
        Path published = new MizanHome(root).publishedWarehouse();
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + published.toRealPath(), p);
                Statement st = c.createStatement();
                ResultSet r = st.executeQuery("select count(*), sum(amount_usd) from remittance_transactions")) {
            r.next();
            System.out.printf(
                    "rows %d, sum(amount_usd) %s%n",
                    r.getLong(1), r.getBigDecimal(2).toPlainString());
        }
    }

    /**
     * Plain logback with no configuration logs everything at DEBUG: keep INFO, as Mizan's own configuration does,
     * and the build's per-statement times (as run.sh asks of (a)).
     */
    private static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.mizan.warehouse.BuildTiming"))
                .setLevel(ch.qos.logback.classic.Level.DEBUG);
    }

    private static String quoted(String s) {
        return s.replace("'", "''");
    }
}
