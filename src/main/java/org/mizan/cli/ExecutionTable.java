package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mizan.jobs.ingest.IngestSteps;
import org.mizan.jobs.ingest.LakeStagingWriter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

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
            Optional<StepExecution> ingest = ingestStep(e);
            long read = ingest.map(s -> s.getExecutionContext().getLong(LakeStagingWriter.SOURCE_ROWS, 0))
                    .orElse(0L);
            long acc = ingest.map(s -> s.getExecutionContext().getLong(LakeStagingWriter.ACCEPTED, 0))
                    .orElse(0L);
            long rej = ingest.map(s -> s.getExecutionContext().getLong(LakeStagingWriter.REJECTED, 0))
                    .orElse(0L);
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

    static Optional<StepExecution> ingestStep(JobExecution e) {
        return e.getStepExecutions().stream()
                .filter(s -> IngestSteps.INGEST.equals(s.getStepName()))
                .findFirst();
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
