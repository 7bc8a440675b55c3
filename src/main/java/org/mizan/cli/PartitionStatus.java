package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.jobs.DefaultMappings;
import org.mizan.jobs.ingest.LakeStagingWriter;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.schedule.FireLog;
import org.mizan.schedule.Schedule;
import org.mizan.schedule.ScheduleSync;
import org.mizan.schedule.Schedules;
import org.mizan.steward.Executions;
import org.quartz.Scheduler;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The steward's view of the lake in {@code mizan status}: per job × source × period, the rows there, the latest
 * load that wrote it (state, when, accepted, rejected); per schedule, its next fire and whether its source is late.
 */
final class PartitionStatus {

    private PartitionStatus() {}

    /** One partition of a job: its rows, and the newest load of any of its files. */
    record Row(String job, String source, String period, long rows, JobExecution last) {}

    static List<Row> partitions(MizanHome home, JobRunner runner) throws Exception {
        Lake lake = new Lake(home.lake());
        Map<String, Row> rows = new TreeMap<>();
        try (Connection c = DuckDb.inMemory();
                PreparedStatement ps = c.prepareStatement(SqlFiles.text("queries/lake_file_rows.sql"))) {
            for (String job : JobRunner.JOB_BEANS.keySet()) {
                Map<String, JobExecution> newestByUnit = newestByUnit(runner, job);
                for (String dataset : DefaultMappings.datasets(job)) {
                    Dataset d = Dataset.of(dataset);
                    if (!lake.hasFiles(d)) {
                        continue;
                    }
                    ps.setString(1, lake.glob(d));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Lake.Located f = Lake.locate(Path.of(rs.getString(1)));
                            if (f == null) {
                                continue; // the schema file
                            }
                            String key = job + "\u0001" + f.source() + "\u0001" + f.period();
                            JobExecution e = newer(
                                    newestByUnit.get(f.unit()),
                                    newestByUnit.get(f.unit() + "\u0001" + f.period() + "\u0001" + f.source()));
                            Row old = rows.get(key);
                            JobExecution last = old == null ? e : newer(old.last(), e);
                            rows.put(
                                    key,
                                    new Row(
                                            job,
                                            f.source(),
                                            f.period(),
                                            (old == null ? 0 : old.rows()) + rs.getLong(2),
                                            last));
                        }
                    }
                }
            }
        }
        return List.copyOf(rows.values());
    }

    static void printPartitions(List<Row> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("lake: no partition loaded yet");
            return;
        }
        out.printf(
                "%-18s  %-12s  %-8s  %9s  %9s  %-9s  %-19s  %9s  %9s%n",
                "job", "source", "period", "rows", "execution", "state", "ended", "accepted", "rejected");
        for (Row r : rows) {
            JobExecution e = r.last();
            ExecutionContext ctx = e == null
                    ? new ExecutionContext()
                    : ExecutionTable.ingestStep(e)
                            .map(s -> s.getExecutionContext())
                            .orElse(new ExecutionContext());
            out.printf(
                    "%-18s  %-12s  %-8s  %9d  %9s  %-9s  %-19s  %9d  %9d%n",
                    r.job(),
                    r.source(),
                    r.period(),
                    r.rows(),
                    e == null ? "?" : e.getId(),
                    e == null ? "?" : e.getStatus(),
                    e == null || e.getEndTime() == null
                            ? ""
                            : e.getEndTime().withNano(0).toString().replace('T', ' '),
                    ctx.getLong(LakeStagingWriter.ACCEPTED, 0),
                    ctx.getLong(LakeStagingWriter.REJECTED, 0));
        }
    }

    /**
     * Per schedule: cron, next fire, last fire, the newest completed load of its source and whether that is later
     * than {@code late-after} allows (freshness).
     */
    static void printSchedules(
            MizanHome home, JobRunner runner, List<Row> partitions, LocalDateTime now, PrintWriter out)
            throws Exception {
        List<Schedule> schedules = Schedules.load(home);
        if (schedules.isEmpty()) {
            out.println("schedules: none");
            return;
        }
        Scheduler scheduler = runner.bean(Scheduler.class);
        out.printf(
                "%-32s  %-36s  %-20s  %-20s  %-19s  %s%n",
                "schedule", "cron", "next fire (UTC)", "last fire (UTC)", "newest load", "freshness");
        for (Schedule s : schedules) {
            Date next = ScheduleSync.nextFire(scheduler, s);
            List<String> fires = FireLog.fires(home, s.key());
            LocalDateTime newest = null;
            for (Row r : partitions) {
                if (r.job().equals(s.job())
                        && r.source().equalsIgnoreCase(s.source())
                        && r.last() != null
                        && r.last().getEndTime() != null
                        && r.last().getStatus() == BatchStatus.COMPLETED
                        && (newest == null || r.last().getEndTime().isAfter(newest))) {
                    newest = r.last().getEndTime();
                }
            }
            String fresh;
            if (s.lateAfter() == null) {
                fresh = "no cadence set";
            } else if (newest == null) {
                fresh = "LATE: never loaded";
            } else {
                Duration age = Duration.between(newest, now);
                fresh = age.compareTo(s.lateAfter()) > 0
                        ? "LATE: newest load " + age.toDays() + " days old (late after "
                                + s.lateAfter().toDays() + " days)"
                        : "on time";
            }
            out.printf(
                    "%-32s  %-36s  %-20s  %-20s  %-19s  %s%n",
                    s.key(),
                    s.cron() + " " + s.zone(),
                    next == null ? "not scheduled (serve)" : next.toInstant().toString(),
                    fires.isEmpty() ? "never" : fires.get(fires.size() - 1).split("\t")[0],
                    newest == null ? "never" : newest.withNano(0).toString().replace('T', ' '),
                    fresh);
        }
    }

    private static Map<String, JobExecution> newestByUnit(JobRunner runner, String job) {
        Map<String, JobExecution> out = new HashMap<>();
        for (JobExecution e : Executions.list(runner.repository(), job, null, Integer.MAX_VALUE)) {
            String file = e.getJobParameters().getString("file");
            if (file != null) {
                // a partition rerun or backfill only speaks for its own partition
                String period = e.getJobParameters().getString("period");
                String unit = Lake.unitOf(Path.of(file));
                out.putIfAbsent(
                        period == null
                                ? unit
                                : unit + "\u0001" + period + "\u0001"
                                        + e.getJobParameters().getString("source"),
                        e);
            }
        }
        return out;
    }

    private static JobExecution newer(JobExecution a, JobExecution b) {
        if (a == null) {
            return b;
        }
        return b == null || a.getId() > b.getId() ? a : b;
    }
}
