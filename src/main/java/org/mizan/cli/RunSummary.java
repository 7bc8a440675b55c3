package org.mizan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

import org.mizan.jobs.ingest.IngestSteps;
import org.mizan.jobs.ingest.LakeStagingWriter;
import org.mizan.jobs.ingest.SourceItemReader;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The run summary a steward reads: records read, accepted, rejected by rule, where the rejects are, the outcome. */
final class RunSummary {

    private RunSummary() {
    }

    static void print(JobExecution execution, String mapping, PrintWriter out) {
        String file = execution.getJobParameters().getString("file");
        out.printf("%s  %s  (mapping %s, execution %d)%n", execution.getJobInstance().getJobName(), file, mapping, execution.getId());
        StringBuilder timings = new StringBuilder();
        for (StepExecution step : execution.getStepExecutions()) {
            ExecutionContext ctx = step.getExecutionContext();
            if (step.getStartTime() != null && step.getEndTime() != null) {
                timings.append(timings.isEmpty() ? "" : ", ").append(step.getStepName()).append(' ')
                        .append(String.format("%.1f s", Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0));
            }
            if (IngestSteps.INGEST.equals(step.getStepName())) {
                out.printf("  read %d   accepted %d   rejected %d   skipped lines %d%n",
                        ctx.getLong(LakeStagingWriter.SOURCE_ROWS, step.getReadCount()),
                        ctx.getLong(LakeStagingWriter.ACCEPTED, 0), ctx.getLong(LakeStagingWriter.REJECTED, 0),
                        ctx.getLong(SourceItemReader.SKIPPED_LINES, 0));
                if (ctx.containsKey(LakeStagingWriter.OUTSIDE_PARTITION)) {
                    // never "null": name only what the run was limited to
                    String period = execution.getJobParameters().getString("period");
                    String source = execution.getJobParameters().getString("source");
                    String partition = (period == null ? "" : "period=" + period) + (period != null && source != null ? " " : "")
                            + (source == null ? "" : "source=" + source);
                    out.printf("  limited to %s: %d accepted row(s) of other partitions left as they are%n",
                            partition.isEmpty() ? "the partition being reread" : "partition " + partition,
                            ctx.getLong(LakeStagingWriter.OUTSIDE_PARTITION));
                }
                if (ctx.containsKey(org.mizan.jobs.ingest.NormaliseProcessor.UNITS_PER_LEVEL)) {
                    out.println("  units per level: " + org.mizan.jobs.ingest.NormaliseProcessor.levels(
                            ctx.getString(org.mizan.jobs.ingest.NormaliseProcessor.UNITS_PER_LEVEL), mapping));
                }
                if (ctx.containsKey(SourceItemReader.RESUMED_AT)) {
                    out.printf("  resumed at line %d (the last checkpoint before the cut)%n", ctx.getLong(SourceItemReader.RESUMED_AT));
                }
                StringBuilder rules = new StringBuilder();
                LakeStagingWriter.rejectsByRule(ctx.toMap()).forEach((rule, n) ->
                        rules.append(rules.isEmpty() ? "" : ", ").append(rule).append(' ').append(n));
                if (!rules.isEmpty()) {
                    out.println("  rejected by rule: " + rules);
                }
                if (ctx.containsKey(LakeStagingWriter.QUARANTINE)) {
                    out.println("  quarantine: " + ctx.getString(LakeStagingWriter.QUARANTINE));
                }
            } else if (IngestSteps.PUBLISH_LAKE.equals(step.getStepName()) && ctx.containsKey("lake_files")) {
                out.printf("  lake: %d partition file(s) placed%s%n", ctx.getInt("lake_files"),
                        ctx.containsKey("partition_note") ? " (" + ctx.getString("partition_note") + ")" : "");
                if (ctx.containsKey("replaces")) {
                    out.println("  replaces " + ctx.getString("replaces"));
                }
            } else if (IngestSteps.BUILD_WAREHOUSE.equals(step.getStepName()) && ctx.containsKey("warehouse")) {
                out.println("  warehouse: published " + ctx.getString("warehouse"));
                if (ctx.containsKey("quarantined")) {
                    out.println("  quarantined: " + ctx.getString("quarantined"));
                }
                QualityLines.print(java.nio.file.Path.of(ctx.getString("warehouse")), "  ", out);
            }
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            out.println("  FAILED: " + root.getMessage());
        }
        if (!timings.isEmpty()) {
            out.println("  steps: " + timings);
        }
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        out.printf("%s in %.1f s%n", execution.getStatus(), took.toMillis() / 1000.0);
    }
}
