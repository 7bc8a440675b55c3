package org.mizan;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.mizan.cli.MizanMain;
import org.mizan.warehouse.ReadOnlyQuery;

/** Runs Mizan's commands in-process against a home of the test's own, as a user would on the command line. */
public final class MizanCli {

    public static final Path FIXTURES = Path.of("fixtures").toAbsolutePath();

    /** What one command printed and returned. */
    public record Result(int code, String out, String err) {
    }

    private final Path home;

    public MizanCli(Path home) {
        this.home = home;
    }

    public static MizanCli inTempHome(String name) {
        return new MizanCli(tempDir("mizan-" + name + "-"));
    }

    private static final List<Path> TEMP = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // homes hold lakes and warehouses of up to a million rows: remove them when the test JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TEMP.forEach(MizanCli::deleteQuietly)));
    }

    /** A temporary directory removed when the test JVM exits. */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            TEMP.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    public Path home() {
        return home;
    }

    public Result run(String... args) {
        System.setProperty("mizan.home", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MizanMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Loads the golden world (fixtures/world: East Region NP-P1, West Region NP-P2, 2023 and 2024) in the order
     * its values were worked out in: gazetteer, remittances and corridors, ledger and plan, people and services.
     */
    public void loadGoldenWorld() {
        load("load-gazetteer", "world/admin_units.csv");
        load("ingest-remittances", "world/remittances_2024-03.csv");
        load("ingest-remittances", "world/corridors_2024-03.csv");
        load("ingest-ledgers", "world/ledger_2024.csv");
        load("ingest-ledgers", "world/plan_2024.csv");
        load("ingest-registries", "world/people.csv");
        load("ingest-registries", "world/services.csv");
    }

    /** Loads a fixture file (path under fixtures/) and fails the test if the job did not complete. */
    public Result load(String job, String fixture, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "run";
        args[1] = job;
        args[2] = "file=" + FIXTURES.resolve(fixture);
        System.arraycopy(extra, 0, args, 3, extra.length);
        Result r = run(args);
        if (r.code() != 0) {
            throw new AssertionError("loading " + fixture + " failed with " + r.code() + ":\n" + r.out() + r.err());
        }
        return r;
    }

    /** The rows of a read-only query on this home's published warehouse. */
    public List<List<Object>> query(String sql) {
        try {
            return ReadOnlyQuery.run(home.resolve("warehouse/mizan.duckdb").toRealPath(), sql).rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single value of a one-row, one-column query, as text (decimals in plain notation). */
    public String value(String sql) {
        List<List<Object>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + " but got " + rows);
        }
        Object v = rows.get(0).get(0);
        return v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
