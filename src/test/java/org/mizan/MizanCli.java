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

/**
 * Runs Mizan's commands in-process against a home of the test's own, as a user would on the command line: through
 * the launcher's entry point ({@link MizanMain#execute}), with the output and exit code it gives. The Spring
 * application a command boots is kept for the next command on the same home ({@link SharedApplications}), so a test
 * boots it once per home, not once per command.
 */
public final class MizanCli {

    public static final Path FIXTURES = Path.of("fixtures").toAbsolutePath();

    /** What one command printed and returned. */
    public record Result(int code, String out, String err) {}

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
        // commands on one home share the application the first of them booted (SharedApplications says when not)
        // (-Dmizan.test.boot-per-command=true: every command boots its own, as a process of the launcher does)
        SharedApplications.install(!Boolean.getBoolean("mizan.test.boot-per-command"));
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
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    public Path home() {
        return home;
    }

    /**
     * A copy of this home in a new temporary one, as it is now (its lake, warehouse builds, job repository, keys and
     * settings): a test class loads its fixtures once into a home and gives each test a copy of it instead of loading
     * them again. The application kept for this home is closed first (its job repository file is then whole on
     * disk); the copy's own boots on its first command. Links (the published warehouse) are copied as links.
     */
    public MizanCli copy(String name) {
        return copyOf(home, name);
    }

    public Result run(String... args) {
        System.setProperty("mizan.home", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long wall = System.nanoTime();
        long cpu = cpuNanos();
        int code = MizanMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (TIMING) {
            System.out.printf(
                    "[mizan-timing] %6d ms wall %6d ms cpu  %s%n",
                    (System.nanoTime() - wall) / 1_000_000, (cpuNanos() - cpu) / 1_000_000, String.join(" ", args));
        }
        return new Result(code, out.toString(), err.toString());
    }

    /** -Dmizan.test.timing=true: each command's wall and CPU time on stdout (where a test's time goes). */
    private static final boolean TIMING = Boolean.getBoolean("mizan.test.timing");

    /** CPU time of this whole JVM so far (every thread, DuckDB's native ones included). */
    static long cpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(0L);
    }

    /**
     * Starts a command that runs until stopped ({@code serve}) in a thread of its own, with output a test can wait
     * on line by line.
     */
    public Running start(String... args) {
        System.setProperty("mizan.home", home.toString());
        return new Running(args);
    }

    /** A command running in a thread of its own; its output is watched as it is written. */
    public static final class Running {

        private final Output out = new Output();
        private final Output err = new Output();
        private final java.util.concurrent.CompletableFuture<Result> result =
                new java.util.concurrent.CompletableFuture<>();
        private final Thread thread;

        private Running(String... args) {
            thread = new Thread(
                    () -> {
                        try {
                            int code = MizanMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
                            result.complete(new Result(code, out.toString(), err.toString()));
                        } catch (Throwable t) {
                            result.completeExceptionally(t);
                        } finally {
                            out.close();
                            err.close();
                        }
                    },
                    "mizan-" + args[0]);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until the output has a match of {@code pattern} (the command still running), and returns it. */
        public java.util.regex.MatchResult awaitOut(java.util.regex.Pattern pattern) {
            java.util.regex.MatchResult m = out.await(pattern);
            if (m == null) {
                throw new AssertionError("the command ended without printing " + pattern + ":\n" + out + err);
            }
            return m;
        }

        /** Waits until the error output has a match of {@code pattern} (a notice; the command still running). */
        public java.util.regex.MatchResult awaitErr(java.util.regex.Pattern pattern) {
            java.util.regex.MatchResult m = err.await(pattern);
            if (m == null) {
                throw new AssertionError("the command ended without printing " + pattern + ":\n" + out + err);
            }
            return m;
        }

        /** What the command printed so far. */
        public String out() {
            return out.toString();
        }

        /** Waits for the command to end by itself (as {@code serve --run-for} does). */
        public Result result() {
            try {
                return result.get(Await.HANG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("hung: the command did not end within " + Await.HANG + ":\n" + out + err);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Stops the command as Ctrl-C would stop serve (its wait is interrupted) and waits for it to end. */
        public Result stop() {
            thread.interrupt();
            return result();
        }
    }

    /** Text written by a command, with a wait for a pattern that wakes on each write. */
    private static final class Output extends java.io.Writer {

        private final StringBuilder text = new StringBuilder();
        private boolean closed;

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            text.append(buf, off, len);
            notifyAll();
        }

        @Override
        public void flush() {}

        @Override
        public synchronized void close() {
            closed = true;
            notifyAll();
        }

        /** The first match of the pattern once written; null if the command ended without it. */
        synchronized java.util.regex.MatchResult await(java.util.regex.Pattern pattern) {
            long until = System.nanoTime() + Await.HANG.toNanos();
            while (true) {
                java.util.regex.Matcher m = pattern.matcher(text);
                if (m.find()) {
                    return m.toMatchResult();
                }
                if (closed) {
                    return null;
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("hung: " + pattern + " not printed within " + Await.HANG + ":\n" + text);
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        @Override
        public synchronized String toString() {
            return text.toString();
        }
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

    /** A home in which {@code demo} ran, and what it printed. */
    public record Demo(MizanCli cli, Result result) {

        /** The demo's own home ({@code MIZAN_HOME/demo}), where it loaded the fixtures. */
        public MizanCli demoHome() {
            return new MizanCli(cli.home().resolve("demo"));
        }
    }

    private static Demo demo;

    /**
     * {@code demo} as a new user runs it, run once in this JVM (it loads every fixture: the longest command a test
     * runs), for the tests that check what it printed or read what it left. A test that changes the demo's home runs
     * the demo again itself (it starts afresh: the same home, the same numbers).
     */
    public static synchronized Demo demo() {
        if (demo == null) {
            MizanCli cli = inTempHome("demo");
            demo = new Demo(cli, cli.run("demo", "--fixtures", FIXTURES.toString()));
        }
        return demo;
    }

    /** The golden world loaded once in this JVM ({@link #goldenWorld}), never changed after: the homes' source. */
    private static Path goldenWorld;

    /**
     * A home of its own holding the golden world as {@link #loadGoldenWorld} leaves it: a copy of one home loaded once
     * in this JVM (a folder copy takes a fraction of a second; the seven loads, each building the warehouse, take far
     * longer). The copy is the loaded home file for file (lake, warehouse builds, job repository, quarantine), so a
     * test may go on loading, approving and rerunning in it as in a home it loaded itself.
     */
    public static MizanCli goldenWorld(String name) {
        return copyOf(goldenWorldHome(), name);
    }

    /**
     * A new home holding a copy of {@code source} (a home loaded once and shared by several tests, which each change
     * their copy as they like): the applications kept on the source are closed first, so that its job repository is
     * copied whole.
     */
    public static MizanCli copyOf(Path source, String name) {
        SharedApplications.closeIn(source);
        MizanCli cli = inTempHome(name);
        copyHome(source, cli.home());
        return cli;
    }

    /** The fixtures' gazetteer and FX rates loaded once in this JVM ({@link #withGazetteerAndFx}), never changed. */
    private static Path gazetteerAndFx;

    /**
     * A home of its own in which {@code fixtures/gazetteer/admin_units.csv} and then {@code fixtures/fx/fx_rates.csv}
     * were loaded (executions 1 and 2): a copy of one home loaded once in this JVM, shared by every test class that
     * starts from them (two loads, each building the warehouse, against a folder copy). The copy is the loaded home
     * file for file, so a test goes on in it as in a home it loaded itself.
     */
    public static MizanCli withGazetteerAndFx(String name) {
        return copyOf(gazetteerAndFxHome(), name);
    }

    private static synchronized Path gazetteerAndFxHome() {
        if (gazetteerAndFx == null) {
            MizanCli master = inTempHome("gazetteer-fx-source");
            master.load("load-gazetteer", "gazetteer/admin_units.csv");
            master.load("load-fx-rates", "fx/fx_rates.csv");
            gazetteerAndFx = master.home();
        }
        return gazetteerAndFx;
    }

    private static synchronized Path goldenWorldHome() {
        if (goldenWorld == null) {
            MizanCli master = inTempHome("golden-world-source");
            master.loadGoldenWorld();
            goldenWorld = master.home();
        }
        return goldenWorld;
    }

    /**
     * Copies a home whose applications are closed into an empty folder: links as links (the warehouse's is relative),
     * times kept; not the locks of the process that loaded it (H2's and the load lock's), which a copy must not
     * inherit.
     */
    static void copyHome(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path rel = from.relativize(p);
                String name = p.getFileName().toString();
                if (name.endsWith(".lock.db") || name.endsWith(".trace.db") || name.startsWith(".load.lock")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(
                            p,
                            target,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS,
                            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a fixture file (path under fixtures/) and fails the test if the job did not complete. */
    public Result load(String job, String fixture, String... extra) {
        return load(job, FIXTURES.resolve(fixture), extra);
    }

    /** Loads a file and fails the test if the job did not complete. */
    public Result load(String job, Path file, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "run";
        args[1] = job;
        args[2] = "file=" + file;
        System.arraycopy(extra, 0, args, 3, extra.length);
        Result r = run(args);
        if (r.code() != 0) {
            throw new AssertionError("loading " + file + " failed with " + r.code() + ":\n" + r.out() + r.err());
        }
        return r;
    }

    /**
     * Loads the gazetteer and the FX rates the benchmark's generator wrote into {@code dir} ({@code admin_units.csv},
     * {@code fx_rates.csv}; {@link BenchPrograms#generateRemittances}) and fails the test unless both complete.
     */
    public void loadGeneratedGazetteerAndFx(Path dir) {
        load("load-gazetteer", dir.resolve("admin_units.csv"));
        load("load-fx-rates", dir.resolve("fx_rates.csv"));
    }

    /** The rows of a read-only query on this home's published warehouse. */
    public List<List<Object>> query(String sql) {
        try {
            return ReadOnlyQuery.run(home.resolve("warehouse/mizan.duckdb").toRealPath(), sql)
                    .rows();
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
