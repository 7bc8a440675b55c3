package org.mizan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.mizan.config.MizanHome;
import org.mizan.schedule.FireLog;
import org.mizan.schedule.Schedule;
import org.mizan.schedule.ScheduleSync;
import org.mizan.schedule.Schedules;
import org.mizan.steward.PartitionStatusService;
import org.mizan.steward.PartitionStatusService.Partition;
import org.mizan.steward.RunReport;
import org.quartz.Scheduler;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The steward's view of the lake in {@code mizan status}, printed: per job × source × period, the rows there, the
 * latest load that wrote it (state, when, accepted, rejected), as {@link PartitionStatusService} finds them; per
 * schedule, its next fire and whether its source is late.
 */
final class PartitionStatus {

    private PartitionStatus() {}

    static void printPartitions(List<Partition> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("lake: no partition loaded yet");
            return;
        }
        out.printf(
                "%-18s  %-12s  %-8s  %9s  %9s  %-9s  %-19s  %9s  %9s%n",
                "job", "source", "period", "rows", "execution", "state", "ended", "accepted", "rejected");
        for (Partition r : rows) {
            JobExecution e = r.last();
            RunReport report = e == null ? RunReport.NONE : RunReport.of(e);
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
                    report.accepted(),
                    report.rejected());
        }
    }

    /**
     * Per schedule: cron, next fire, last fire, the newest completed load of its source and whether that is later
     * than {@code late-after} allows (freshness).
     */
    static void printSchedules(
            MizanHome home, JobRunner runner, List<Partition> partitions, LocalDateTime now, PrintWriter out)
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
            for (Partition r : partitions) {
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
}
