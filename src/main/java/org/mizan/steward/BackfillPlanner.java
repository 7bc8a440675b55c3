package org.mizan.steward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mizan.config.MizanHome;
import org.mizan.config.UsageException;
import org.mizan.jobs.JobCatalogue;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * What a partition rerun and a backfill read: the lake names the units (delivered files) of a partition, the job
 * repository the path and mapping each was loaded from. Sources are matched as the lake spells them, whatever the
 * case typed. The checks that need only the lake run before the application starts; a refusal is a usage error
 * saying what to do.
 */
public final class BackfillPlanner {

    private final Lake lake;
    private final JobCatalogue catalogue;

    public BackfillPlanner(Lake lake, JobCatalogue catalogue) {
        this.lake = lake;
        this.catalogue = catalogue;
    }

    /** The planner over the home's lake and the job packages' catalogue. */
    public static BackfillPlanner of(MizanHome home) {
        return new BackfillPlanner(new Lake(home.lake()), JobCatalogue.standard());
    }

    /** A partition rerun: the source as the lake spells it and the units (delivered files) with rows there. */
    public record Rerun(String job, String source, String period, Set<String> units) {}

    /**
     * A backfill: the source as the lake spells it, its periods in order, the files delivered for it (with the
     * mapping each is read with), and the series every launch of it names.
     */
    public record Backfill(String job, String source, List<String> periods, Map<Path, String> files, String series) {

        /** Partition loads in all: every period of every file. */
        public int total() {
            return periods.size() * files.size();
        }
    }

    /** The job must be one whose partitions a steward may read again. */
    public void requireJob(String job) {
        catalogue.requirePartitionJob(job);
    }

    /**
     * The partition {@code period} × {@code source} of a job to read again: a usage error when the lake has no row of
     * it. The files to read come from {@link #files(Launches, Rerun)}.
     */
    public Rerun rerun(String job, String source, String period) throws IOException {
        requireJob(job);
        String src = canonicalSource(job, source);
        TreeSet<String> units = units(job, period, src);
        if (units.isEmpty()) {
            throw new UsageException("the lake has no " + job + " rows for source " + source + " in period " + period
                    + " (mizan status lists the partitions). To load a period never loaded, use mizan backfill --job "
                    + job + " --source " + source + " --from " + period + " --to " + period);
        }
        return new Rerun(job, src, period, units);
    }

    /** The delivered file and mapping of each unit of the partition; a usage error when one cannot be read again. */
    public Map<String, Launches.Delivered> files(Launches launches, Rerun rerun) {
        return files(launches, rerun.job(), rerun.units());
    }

    /**
     * The checks of a backfill that need only the lake: the job, the range, and that its kind of period is the
     * source's. Returns the backfill without its files ({@link #withFiles} adds them).
     */
    public Backfill backfill(String job, String source, String from, String to) throws IOException {
        requireJob(job);
        List<String> periods = periods(from, to);
        String src = canonicalSource(job, source);
        requirePeriodKind(job, src, from);
        return new Backfill(job, src, periods, Map.of(), job + "|" + src + "|" + from + ".." + to);
    }

    /**
     * The backfill with its files: those the job's completed loads of the source read, then those waiting in its
     * schedules' inboxes ({@code inbox}, in the order given); a usage error when no file was ever delivered.
     */
    public Backfill withFiles(Backfill plan, String sourceAsTyped, Launches launches, Map<Path, String> inbox)
            throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files(launches, plan.job(), units(plan.job(), null, plan.source()))
                .values()
                .forEach(d -> files.put(d.file(), d.mapping()));
        inbox.forEach(files::putIfAbsent);
        if (files.isEmpty()) {
            throw new UsageException("no file was ever delivered for " + plan.job() + " source " + sourceAsTyped
                    + ": load one with mizan run " + plan.job()
                    + " file=PATH, or put it in the source's inbox (config/schedules.yml)");
        }
        return new Backfill(plan.job(), plan.source(), plan.periods(), files, plan.series());
    }

    /** The source as the lake's partitions spell it, or as given when no partition of the job has it yet. */
    public String canonicalSource(String job, String source) throws IOException {
        for (String dataset : catalogue.require(job).datasets()) {
            for (String partition : lake.partitions(Dataset.of(dataset))) {
                String s = partition.substring(partition.indexOf("/source=") + "/source=".length());
                if (s.equalsIgnoreCase(source)) {
                    return s;
                }
            }
        }
        return source;
    }

    /**
     * Refuses a range whose period kind (month 2024-03, quarter 2024-Q1, year 2024) is not the one the source's lake
     * partitions have: such a range would match nothing and load nothing.
     */
    void requirePeriodKind(String job, String source, String from) throws IOException {
        Set<String> kinds = new TreeSet<>();
        for (String dataset : catalogue.require(job).datasets()) {
            for (String partition : lake.partitions(Dataset.of(dataset))) {
                if (partition.endsWith("/source=" + source) && partition.startsWith("period=")) {
                    kinds.add(kind(partition.substring("period=".length(), partition.indexOf('/'))));
                }
            }
        }
        if (!kinds.isEmpty() && !kinds.contains(kind(from))) {
            throw new UsageException("source " + source + " of " + job + " is partitioned by "
                    + String.join(" and ", kinds) + ", not by " + kind(from) + ": give --from and --to as "
                    + String.join(" or ", kinds) + "s (mizan status lists its partitions)");
        }
    }

    private static String kind(String period) {
        return period.matches("\\d{4}-Q\\d")
                ? "quarter"
                : period.matches("\\d{4}-\\d{2}") ? "month" : period.matches("\\d{4}") ? "year" : "other";
    }

    /** The units with rows of this source (in any period when {@code period} is null), by dataset walk. */
    TreeSet<String> units(String job, String period, String source) throws IOException {
        TreeSet<String> units = new TreeSet<>();
        for (String dataset : catalogue.require(job).datasets()) {
            Dataset d = Dataset.of(dataset);
            for (String partition : lake.partitions(d)) {
                if (partition.endsWith("/source=" + source)
                        && (period == null || partition.startsWith("period=" + period + "/"))) {
                    units.addAll(lake.unitsIn(d, partition));
                }
            }
        }
        return units;
    }

    /** The delivered file and mapping of each unit; a usage error naming what to do when one cannot be read again. */
    static Map<String, Launches.Delivered> files(Launches launches, String job, Iterable<String> units) {
        Map<String, Launches.Delivered> delivered = launches.delivered(job);
        Map<String, Launches.Delivered> out = new LinkedHashMap<>();
        for (String unit : units) {
            Launches.Delivered d = delivered.get(unit);
            if (d == null) {
                throw new UsageException(
                        "the lake holds rows of '" + unit + "' but the job repository has no completed " + job
                                + " load of it (pruned?): load that file again with mizan run " + job + " file=PATH");
            }
            if (!Files.isRegularFile(d.file())) {
                throw new UsageException(
                        d.file() + " (loaded by execution " + d.execution().getId()
                                + ") is no longer there: put the delivered file back at that path, or load its replacement"
                                + " with mizan run " + job + " file=PATH");
            }
            out.put(unit, d);
        }
        return out;
    }

    /** The periods from {@code from} to {@code to}, both months (2024-01) or both quarters (2024-Q1). */
    public static List<String> periods(String from, String to) {
        List<String> out = new ArrayList<>();
        if (from.matches("\\d{4}-(0[1-9]|1[0-2])") && to.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
                out.add(m.toString());
            }
        } else if (from.matches("\\d{4}-Q[1-4]") && to.matches("\\d{4}-Q[1-4]")) {
            int a = quarterIndex(from);
            int b = quarterIndex(to);
            for (int q = a; q <= b; q++) {
                out.add((q / 4) + "-Q" + (q % 4 + 1));
            }
        } else {
            throw new UsageException(
                    "--from " + from + " --to " + to + ": give two months (2024-01) or two quarters (2024-Q1)");
        }
        if (out.isEmpty()) {
            throw new UsageException("--from " + from + " is after --to " + to);
        }
        return out;
    }

    private static int quarterIndex(String q) {
        return Integer.parseInt(q.substring(0, 4)) * 4 + (q.charAt(6) - '1');
    }
}
