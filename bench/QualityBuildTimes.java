import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mizan.config.MizanHome;
import org.mizan.lake.Lake;
import org.mizan.quality.QualityChecks;
import org.mizan.quality.QualityTables;
import org.mizan.quality.Reviews;
import org.mizan.warehouse.DuckDb;
import org.mizan.warehouse.SqlFiles;

/**
 * The warehouse build of a loaded home timed with and without the data-quality scripts (70-72_quality_*.sql), in
 * the same process and alternating (with, without, without, with, …), so that a shared machine's load falls on
 * both alike. Each build runs the scripts of warehouse/build/BUILD as Warehouse.rebuild does (the quality tables
 * loaded first, CHECKPOINT last) into a new file under the home's warehouse folder, removed after it; the
 * published warehouse is not touched. Prints every build's time and the medians.
 *
 * <pre>java -cp target/mizan-app/mizan.jar:target/mizan-app/lib/*:CLASSES QualityBuildTimes MIZAN_HOME [REPETITIONS]</pre>
 */
public class QualityBuildTimes {

    public static void main(String[] args) throws Exception {
        MizanHome home = new MizanHome(Path.of(args[0]));
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Lake lake = new Lake(home.lake());
        List<String> scripts =
                Arrays.asList(SqlFiles.text("build/BUILD").strip().split("\\s+"));
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        System.out.printf("%-4s %-16s %10s %14s%n", "rep", "build", "wall (s)", "quality (s)");
        for (int r = 1; r <= reps; r++) {
            boolean first = r % 2 == 1; // odd repetitions with checks first, even ones without first
            for (boolean checks : new boolean[] {first, !first}) {
                double[] t = build(home, lake, scripts, checks);
                (checks ? with : without).add(t[0]);
                System.out.printf(
                        "%-4d %-16s %10.2f %14s%n",
                        r,
                        checks ? "with quality" : "without quality",
                        t[0],
                        checks ? String.format("%.2f", t[1]) : "-");
            }
        }
        double mw = median(with);
        double mo = median(without);
        System.out.printf(
                "median with quality %.2f s, without %.2f s: the checks add %.1f %%%n", mw, mo, (mw - mo) / mo * 100);
    }

    /** One build: its wall time, and the time of the quality scripts within it (seconds). */
    private static double[] build(MizanHome home, Lake lake, List<String> scripts, boolean checks) throws Exception {
        Path file = home.warehouse().resolve("bench-quality-" + System.nanoTime() + ".duckdb");
        double quality = 0;
        long t0 = System.nanoTime();
        try (Connection c = DuckDb.readWrite(file);
                Statement s = c.createStatement()) {
            QualityTables.load(c, QualityChecks.load(home), new Reviews(home).all());
            for (String script : scripts) {
                boolean isQuality = script.matches("7[0-2]_quality_.*\\.sql");
                if (isQuality && !checks) {
                    continue;
                }
                long s0 = System.nanoTime();
                for (String sql : SqlFiles.statements(SqlFiles.withLake("build/" + script, lake))) {
                    s.execute(sql);
                }
                if (isQuality) {
                    quality += (System.nanoTime() - s0) / 1e9;
                }
            }
            s.execute("CHECKPOINT");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, quality};
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
