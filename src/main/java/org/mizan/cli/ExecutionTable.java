package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.mizan.steward.RunReport;
import org.springframework.batch.core.job.JobExecution;

/** One line per execution: id, job, state, start, duration, rows read / accepted / rejected, file. */
final class ExecutionTable {

    private ExecutionTable() {}

    static void print(List<JobExecution> executions, PrintWriter out) {
        if (executions.isEmpty()) {
            out.println("no job has run yet");
            return;
        }
        out.printf(
                "%-9s  %-18s  %-9s  %-19s  %8s  %9s  %9s  %9s  %s%n",
                "execution", "job", "status", "started", "took", "read", "accepted", "rejected", "file");
        for (JobExecution e : executions) {
            RunReport report = RunReport.of(e);
            long read = report.sourceRows() == null ? 0 : report.sourceRows();
            long acc = report.accepted();
            long rej = report.rejected();
            String file = e.getJobParameters().getString("file");
            out.printf(
                    "%9d  %-18s  %-9s  %-19s  %8s  %9d  %9d  %9d  %s%n",
                    e.getId(),
                    e.getJobInstance().getJobName(),
                    e.getStatus(),
                    started(e),
                    took(e),
                    read,
                    acc,
                    rej,
                    file == null ? "" : Path.of(file).getFileName());
        }
    }

    static String started(JobExecution e) {
        return e.getStartTime() == null
                ? ""
                : e.getStartTime().withNano(0).toString().replace('T', ' ');
    }

    static String took(JobExecution e) {
        if (e.getStartTime() == null || e.getEndTime() == null) {
            return "";
        }
        return String.format(
                "%.1f s", Duration.between(e.getStartTime(), e.getEndTime()).toMillis() / 1000.0);
    }
}
