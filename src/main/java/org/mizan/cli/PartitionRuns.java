package org.mizan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mizan.config.MizanHome;
import org.mizan.jobs.DefaultMappings;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.steward.Launches;

/**
 * What a partition rerun and a backfill read: the lake names the units (delivered files) of a partition, the job
 * repository the path and mapping each was loaded from. Sources are matched as the lake spells them, whatever
 * the case typed.
 */
final class PartitionRuns {

    private PartitionRuns() {}

    /** The source as the lake's partitions spell it, or as given when no partition of the job has it yet. */
    static String canonicalSource(Lake lake, String job, String source) throws IOException {
        for (String dataset : DefaultMappings.datasets(job)) {
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
    static void requirePeriodKind(Lake lake, String job, String source, String from) throws IOException {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (String dataset : DefaultMappings.datasets(job)) {
            for (String partition : lake.partitions(Dataset.of(dataset))) {
                if (partition.endsWith("/source=" + source) && partition.startsWith("period=")) {
                    kinds.add(kind(partition.substring("period=".length(), partition.indexOf('/'))));
                }
            }
        }
        if (!kinds.isEmpty() && !kinds.contains(kind(from))) {
            throw new MizanMain.UsageException("source " + source + " of " + job + " is partitioned by "
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
    static TreeSet<String> units(Lake lake, String job, String period, String source) throws IOException {
        TreeSet<String> units = new TreeSet<>();
        for (String dataset : DefaultMappings.datasets(job)) {
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
                throw new MizanMain.UsageException(
                        "the lake holds rows of '" + unit + "' but the job repository has no completed " + job
                                + " load of it (pruned?): load that file again with mizan run " + job + " file=PATH");
            }
            if (!Files.isRegularFile(d.file())) {
                throw new MizanMain.UsageException(
                        d.file() + " (loaded by execution " + d.execution().getId() + ") is no longer there:"
                                + " put the delivered file back at that path, or load its replacement with mizan run "
                                + job + " file=PATH");
            }
            out.put(unit, d);
        }
        return out;
    }

    static Lake lake() {
        return new Lake(MizanHome.fromEnvironment().lake());
    }

    /** The periods from {@code from} to {@code to}, both months (2024-01) or both quarters (2024-Q1). */
    static List<String> periods(String from, String to) {
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
            throw new MizanMain.UsageException(
                    "--from " + from + " --to " + to + ": give two months (2024-01) or two quarters (2024-Q1)");
        }
        if (out.isEmpty()) {
            throw new MizanMain.UsageException("--from " + from + " is after --to " + to);
        }
        return out;
    }

    private static int quarterIndex(String q) {
        return Integer.parseInt(q.substring(0, 4)) * 4 + (q.charAt(6) - '1');
    }
}
