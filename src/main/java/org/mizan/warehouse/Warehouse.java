package org.mizan.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.quality.QualityCheck;
import org.mizan.quality.QualityChecks;
import org.mizan.quality.QualityTables;
import org.mizan.quality.Review;
import org.mizan.quality.Reviews;

/**
 * Builds the DuckDB warehouse from the lake with the SQL under {@code warehouse/build/}, into a new file, and
 * publishes it by switching the {@code mizan.duckdb} link in one rename: a reader opens either the previous
 * complete build or the new one, never a half-built file, and never waits on a lock.
 */
public final class Warehouse {

    static final int KEEP_BUILDS = 3;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final MizanHome home;
    private final Lake lake;

    public Warehouse(MizanHome home) {
        this.home = home;
        this.lake = new Lake(home.lake());
    }

    /**
     * Builds and publishes under the lake's lock (no commit runs meanwhile, unfinished ones are finished first);
     * returns the new build's file. A failed build leaves the published one untouched.
     */
    public Path rebuild() {
        return rebuild(false);
    }

    /**
     * As {@link #rebuild()}, but when the published build was made by this code from the same configuration, starts
     * from a copy of it and builds again only the tables that depend on the lake datasets changed since
     * ({@link BuildPlan}): what a load costs follows what it delivered, not the size of the warehouse. The result is
     * the same as a full build's (IncrementalBuildIT); {@code MIZAN_WAREHOUSE_FULL=1} (or
     * {@code -Dmizan.warehouse.full=true}) makes every build a full one.
     */
    public Path update() {
        return rebuild(!fullForced());
    }

    static boolean fullForced() {
        String v = System.getProperty("mizan.warehouse.full", System.getenv("MIZAN_WAREHOUSE_FULL"));
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    private Path rebuild(boolean incremental) {
        try {
            return lake.exclusive(() -> {
                lake.recover();
                long offset = lake.commitLogSize();
                Path built = build(incremental);
                // what the lake had committed when this good build read it: a later failed build looks after it
                Files.writeString(home.warehouse().resolve(".lake-commit-offset"), Long.toString(offset));
                return built;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per-statement build times, for a benchmark: {@code -Dlogging.level.org.mizan.warehouse.BuildTiming=debug}. */
    private static final org.slf4j.Logger TIMING = org.slf4j.LoggerFactory.getLogger("org.mizan.warehouse.BuildTiming");

    /** A part of the build besides its statements, for the same benchmark lines. */
    private static void phase(String what, long startNanos) {
        TIMING.debug("{} ms  ({})", (System.nanoTime() - startNanos) / 1_000_000, what);
    }

    private static String firstLine(String sql) {
        String t = sql.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private Path build(boolean incremental) {
        Path file = home.warehouse()
                .resolve("mizan-" + LocalDateTime.now().format(STAMP) + "-"
                        + ProcessHandle.current().pid() + ".duckdb");
        try {
            for (Dataset d : Dataset.values()) {
                lake.ensureSchemaFile(d);
            }
            Path previous = published();
            List<QualityCheck> checks = QualityChecks.load(home);
            List<Review> reviews = new Reviews(home).all();
            BuildPlan plan = BuildPlan.load();
            long start = System.nanoTime();
            // the lake's files, listed once: the datasets' fingerprints and the build's index of files are both made of
            // it
            List<LakeIndex.LakeFile> files = LakeIndex.list(lake);
            Map<String, String> inputs = BuildInputs.of(lake, plan, checks, reviews, files);
            Set<String> changed = incremental ? BuildInputs.changedSince(previous, inputs) : null;
            if (changed != null) {
                // the previous build, copied: its tables that depend on nothing changed are this build's
                Files.copy(previous, file);
            }
            try (Connection c = DuckDb.readWrite(file);
                    Statement s = c.createStatement()) {
                if (changed == null) {
                    QualityTables.load(c, checks, reviews);
                }
                // the lake's files and their projects, kept in the build; what this load added or took away
                phase("inputs and copy", start);
                long t = System.nanoTime();
                LakeIndex.update(c, lake, files, changed == null);
                phase("lake index", t);
                // the tables updated for the projects the load touched only (null: every dirty table is built whole)
                Set<String> byProject = changed == null ? null : plan.byProject(changed, LakeIndex.KEYED);
                Map<String, List<Path>> only = byProject == null ? Map.of() : LakeIndex.affectedFiles(c, lake);
                // or for the periods it touched (a load of remittances: months, their quarters and years)
                Set<String> byPeriod = null;
                LakeIndex.Touched periods = null;
                if (changed != null && byProject == null) {
                    byPeriod = plan.byPeriod(changed, LakeIndex.BY_MONTH);
                    periods = byPeriod == null ? null : LakeIndex.affectedPeriods(c);
                    if (periods == null) {
                        byPeriod = null;
                    } else {
                        only = LakeIndex.periodFiles(c, lake, periods);
                    }
                }
                Set<String> byKey = byProject != null ? byProject : byPeriod;
                if (changed == null) {
                    TIMING.debug("full build");
                } else {
                    TIMING.debug(
                            "incremental build, changed datasets: {}{}",
                            changed,
                            byProject != null
                                    ? ", by project: " + byProject
                                    : byPeriod != null ? ", by period " + periods.partitions() + ": " + byPeriod : "");
                }
                Set<String> dropped = new HashSet<>();
                List<BuildPlan.Step> steps = changed == null ? plan.steps() : plan.toRun(changed);
                for (BuildPlan.Step step : steps) {
                    String sql = BuildSql.fill(changed == null ? step.sql() : step.incrementalSql(), lake, only);
                    List<String> run = List.of(sql);
                    if (byKey != null && byKey.contains(step.target())) {
                        if (dropped.add(step.target())) {
                            // its "create table … as <query>": the touched keys' rows go, and come again
                            Matcher q = BuildPlan.CREATE_AS.matcher(sql.strip());
                            if (!q.find()) {
                                throw new IllegalStateException("warehouse/build/" + step.script()
                                        + ": not a 'create table … as' query: " + firstLine(sql));
                            }
                            run = delta(step, q.group(1), periods);
                        }
                    } else if (changed != null && step.kind() == BuildPlan.Kind.TABLE && dropped.add(step.target())) {
                        s.execute(SqlFiles.statements(
                                        SqlFiles.text("queries/build_drop.sql").replace("{{name}}", step.target()))
                                .get(0));
                    }
                    try {
                        long t0 = System.nanoTime();
                        for (String one : run) {
                            s.execute(one);
                        }
                        if (TIMING.isDebugEnabled()) {
                            TIMING.debug(
                                    "{} ms  {}: {}",
                                    (System.nanoTime() - t0) / 1_000_000,
                                    step.script(),
                                    firstLine(run.get(run.size() - 1)));
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(
                                "warehouse/build/" + step.script() + " failed: " + e.getMessage(), e);
                    }
                }
                t = System.nanoTime();
                try {
                    DataDictionary.comment(s);
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "the data dictionary in warehouse/build does not fit the views it documents: "
                                    + e.getMessage(),
                            e);
                }
                phase("data dictionary", t);
                t = System.nanoTime();
                NewFlags.count(s, previous);
                phase("new flags", t);
                t = System.nanoTime();
                // before publishing: a build that breaks a contract is discarded and the previous one stays published
                // (an update by period checks the touched months' transactions, and the touched partitions' keys
                // against every row)
                List<Contracts.Breach> breaches = Contracts.check(
                        s, periods == null ? null : Contracts.scope(periods.months(), periods.partitions()));
                if (!breaches.isEmpty()) {
                    throw new IllegalStateException(Contracts.refusal(breaches));
                }
                phase("contracts", t);
                t = System.nanoTime();
                BuildInputs.write(
                        c,
                        inputs,
                        changed == null
                                ? "all"
                                : byProject != null ? "project" : byPeriod != null ? "period" : "dataset");
                s.execute("CHECKPOINT");
                phase("inputs and checkpoint", t);
            }
            publish(file);
            prune();
            return file;
        } catch (SQLException e) {
            discard(file);
            throw new IllegalStateException("cannot build the warehouse in " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            discard(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
    }

    /**
     * The two statements of an update by key: the table's rows of the touched keys go, and its query ({@code query})
     * gives them again; by the step's key: by project ({@code queries/build_delta_*.sql}), by lake partition
     * ({@code build_partition_*.sql}) or by period ({@code build_period_*.sql}, with {@code periods}, null in an
     * update by project).
     */
    private static List<String> delta(BuildPlan.Step step, String query, LakeIndex.Touched periods) {
        String prefix = switch (step.key()) {
            case "project_id" -> "queries/build_delta";
            case "partition" -> "queries/build_partition";
            default -> "queries/build_period";
        };
        List<String> out = new java.util.ArrayList<>();
        for (String part : List.of("_delete.sql", "_insert.sql")) {
            String text = SqlFiles.text(prefix + part).replace("{{name}}", step.target());
            if (periods != null) {
                text = text.replace("{{key}}", step.key())
                        .replace("{{keys}}", LakeIndex.literals(periods.keys()))
                        .replace("{{months}}", LakeIndex.literals(periods.months()))
                        .replace("{{partitions}}", LakeIndex.literals(periods.partitions()));
            }
            out.add(SqlFiles.statements(text).get(0).replace("{{query}}", query));
        }
        return out;
    }

    private void publish(Path file) throws IOException {
        Path link = home.publishedWarehouse();
        Path tmp =
                link.resolveSibling(".mizan.duckdb." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, file.getFileName());
        Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Keeps the newest builds; readers that still hold an older file open keep reading it (POSIX unlink). */
    private void prune() throws IOException {
        List<Path> builds;
        try (Stream<Path> s = Files.list(home.warehouse())) {
            builds = s.filter(p -> p.getFileName().toString().matches("mizan-.*\\.duckdb"))
                    .sorted()
                    .toList();
        }
        Path current = home.publishedWarehouse().toRealPath();
        for (int i = 0; i < builds.size() - KEEP_BUILDS; i++) {
            if (!builds.get(i).toRealPath().equals(current)) {
                discard(builds.get(i));
            }
        }
    }

    private static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        } catch (IOException ignored) {
            // best effort: an unpublished build is never read
        }
    }

    /**
     * Removes every build but the published one: after a key rotation the earlier builds hold the old
     * person_ids.
     */
    public void dropOlderBuilds() throws IOException {
        Path current = home.publishedWarehouse().toRealPath();
        try (Stream<Path> s = Files.list(home.warehouse())) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("mizan-.*\\.duckdb(\\.wal)?"))
                    .toList()) {
                if (!p.toRealPath().equals(current)
                        && !p.getFileName().toString().equals(current.getFileName() + ".wal")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The lake's commit log size at the last good build (0 when there was none). */
    public long lastGoodCommitOffset() {
        try {
            Path f = home.warehouse().resolve(".lake-commit-offset");
            return Files.exists(f) ? Long.parseLong(Files.readString(f).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The published build, or null when nothing was ever loaded. */
    public Path published() {
        Path link = home.publishedWarehouse();
        try {
            return Files.exists(link) ? link.toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
