package org.mizan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import org.mizan.jobs.ingest.IngestSteps;
import org.mizan.jobs.ingest.SourceItemReader;
import org.mizan.steward.RunReport;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The run summary a steward reads: records read, accepted, rejected by rule, where the rejects are, the outcome. */
final class RunSummary {

    private RunSummary() {}

    static void print(JobExecution execution, String mapping, PrintWriter out) {
        String file = execution.getJobParameters().getString("file");
        out.printf(
                "%s  %s  (mapping %s, execution %d)%n",
                execution.getJobInstance().getJobName(), file, mapping, execution.getId());
        StringBuilder timings = new StringBuilder();
        for (StepExecution step : execution.getStepExecutions()) {
            ExecutionContext ctx = step.getExecutionContext();
            if (step.getStartTime() != null && step.getEndTime() != null) {
                timings.append(timings.isEmpty() ? "" : ", ")
                        .append(step.getStepName())
                        .append(' ')
                        .append(String.format(
                                "%.1f s",
                                Duration.between(step.getStartTime(), step.getEndTime())
                                                .toMillis()
                                        / 1000.0));
            }
            if (RunReport.INGEST_STEP.equals(step.getStepName())) {
                RunReport report = RunReport.read(ctx.toMap());
                out.println("  " + readLine(ctx.toMap(), step.getReadCount()));
                if (report.outsidePartition() > 0 || limitedTo(execution) != null) {
                    // never "null": name only what the run was limited to
                    String partition = limitedTo(execution);
                    out.printf(
                            "  limited to %s: %s of other partitions left as they are%n",
                            partition == null ? "the partition being reread" : "partition " + partition,
                            count(report.outsidePartition(), "record", "records"));
                }
                if (ctx.containsKey(org.mizan.jobs.ingest.NormaliseProcessor.UNITS_PER_LEVEL)) {
                    out.println("  units per level: "
                            + org.mizan.jobs.ingest.NormaliseProcessor.levels(
                                    ctx.getString(org.mizan.jobs.ingest.NormaliseProcessor.UNITS_PER_LEVEL), mapping));
                }
                if (ctx.containsKey(SourceItemReader.RESUMED_AT)) {
                    out.printf(
                            "  resumed at line %d (the last checkpoint before the cut)%n",
                            ctx.getLong(SourceItemReader.RESUMED_AT));
                }
                StringBuilder rules = new StringBuilder();
                report.rejectsByRule()
                        .forEach((rule, n) -> rules.append(rules.isEmpty() ? "" : ", ")
                                .append(rule)
                                .append(' ')
                                .append(n));
                if (!rules.isEmpty()) {
                    out.println("  rejected by rule: " + rules);
                }
                if (report.quarantine() != null) {
                    out.println("  quarantine: " + report.quarantine());
                }
            } else if (IngestSteps.PUBLISH_LAKE.equals(step.getStepName()) && ctx.containsKey("lake_files")) {
                out.printf(
                        "  lake: %d partition file(s) placed%s%n",
                        ctx.getInt("lake_files"),
                        ctx.containsKey("partition_note") ? " (" + ctx.getString("partition_note") + ")" : "");
                String replaced = stored(RunReport.replaced(ctx.toMap()));
                if (ctx.containsKey("replaces")) {
                    out.println("  replaces " + ctx.getString("replaces")
                            + (replaced == null ? "" : "; its " + replaced + " replaced"));
                } else if (replaced != null) {
                    out.println("  replaces " + replaced + " this file's earlier load had stored");
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
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null
                ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        out.printf("%s in %.1f s%n", execution.getStatus(), took.toMillis() / 1000.0);
    }

    /** The datasets' nouns, singular and plural, as a steward says them. */
    private static final Map<String, String[]> NOUNS = Map.ofEntries(
            Map.entry("admin_units", new String[] {"unit", "units"}),
            Map.entry("fx_rates", new String[] {"FX rate", "FX rates"}),
            Map.entry("remittance_transactions", new String[] {"transaction", "transactions"}),
            Map.entry("corridor_aggregates", new String[] {"corridor aggregate", "corridor aggregates"}),
            Map.entry("corridor_costs", new String[] {"corridor cost", "corridor costs"}),
            Map.entry("projects", new String[] {"project", "projects"}),
            Map.entry("project_sectors", new String[] {"project sector", "project sectors"}),
            Map.entry("project_places", new String[] {"project place", "project places"}),
            Map.entry("funding_entries", new String[] {"funding entry", "funding entries"}),
            Map.entry("plan_allocations", new String[] {"plan allocation", "plan allocations"}),
            Map.entry("code_list_items", new String[] {"code list entry", "code list entries"}),
            Map.entry("registry_people", new String[] {"person", "people"}),
            Map.entry("service_deliveries", new String[] {"service delivery", "service deliveries"}));

    private static final Map<String, String> SINGULAR =
            Map.of("lines", "line", "rows", "row", "records", "record", "activities", "activity", "codes", "code");

    /**
     * What the ingest step read and stored, per dataset, in a steward's words: "152 lines read: 137 transactions stored,
     * 15 rejected", "100 activities read: 100 projects, 186 funding entries stored" (one line may make several records).
     */
    static String readLine(Map<String, Object> ctx, long readCount) {
        RunReport report = RunReport.read(ctx);
        long read = report.sourceRows() != null ? report.sourceRows() : readCount;
        String unit = report.readAs() != null ? report.readAs() : "lines";
        String stored = stored(report.stored());
        if (stored == null) {
            long accepted = report.accepted();
            stored = accepted == 0 ? "nothing" : count(accepted, "record", "records");
        }
        long rejected = report.rejected();
        long skipped = ctx.get(SourceItemReader.SKIPPED_LINES) instanceof Number n ? n.longValue() : 0;
        return count(read, SINGULAR.getOrDefault(unit, unit), unit) + " read: " + stored + " stored, " + rejected
                + " rejected"
                + (skipped > 0
                        ? "; " + count(skipped, "blank or footer line", "blank or footer lines") + " skipped"
                        : "");
    }

    /** "137 transactions", "100 projects, 186 funding entries": the datasets with records; null when none has any. */
    static String stored(Map<String, Long> perDataset) {
        StringBuilder out = new StringBuilder();
        perDataset.forEach((dataset, n) -> {
            if (n > 0) {
                String[] noun = NOUNS.getOrDefault(dataset, new String[] {dataset + " record", dataset + " records"});
                out.append(out.isEmpty() ? "" : ", ").append(count(n, noun[0], noun[1]));
            }
        });
        return out.isEmpty() ? null : out.toString();
    }

    private static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The partition a rerun or backfill is limited to ("period=2024-03 source=MTO-017"), or null for a whole file. */
    private static String limitedTo(JobExecution execution) {
        String period = execution.getJobParameters().getString("period");
        String source = execution.getJobParameters().getString("source");
        if (period == null && source == null) {
            return null;
        }
        return ((period == null ? "" : "period=" + period) + " " + (source == null ? "" : "source=" + source)).strip();
    }
}
