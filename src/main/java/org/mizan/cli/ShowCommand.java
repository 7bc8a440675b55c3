package org.mizan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mizan.steward.FailureReasons;
import org.mizan.steward.RunReport;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mizan show <execution>}: one execution's parameters, each step's counts, and why it failed. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        header = "Shows one execution: steps, counts, rejects, failure reason.",
        description = {
            "Shows one job execution: its file and mapping, state, each step with its counts and time,",
            "the rejected rows by rule, where the quarantine file is, and the failure reason in plain words."
        })
public class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION", description = "the execution id (mizan history lists them)")
    long id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            JobExecution e = runner.requireExecution(id);
            out.printf("execution %d  %s  %s%n", e.getId(), e.getJobInstance().getJobName(), e.getStatus());
            out.printf("  file:     %s%n", e.getJobParameters().getString("file"));
            out.printf("  mapping:  %s%n", e.getJobParameters().getString("mapping"));
            out.printf("  started:  %s   took %s%n", ExecutionTable.started(e), ExecutionTable.took(e));
            for (StepExecution s : e.getStepExecutions()) {
                String took = s.getStartTime() == null || s.getEndTime() == null
                        ? ""
                        : String.format(
                                "%.1f s",
                                Duration.between(s.getStartTime(), s.getEndTime())
                                                .toMillis()
                                        / 1000.0);
                out.printf(
                        "  step %-16s %-9s read %d  written %d  commits %d  rollbacks %d  %s%n",
                        s.getStepName(),
                        s.getStatus(),
                        s.getReadCount(),
                        s.getWriteCount(),
                        s.getCommitCount(),
                        s.getRollbackCount(),
                        took);
            }
            RunReport.ingestStep(e)
                    .ifPresent(s -> printRejects(s.getExecutionContext().toMap(), out));
            if (e.getStatus() == BatchStatus.FAILED || e.getStatus() == BatchStatus.ABANDONED) {
                out.println("  reason:   " + FailureReasons.of(e));
            }
        }
        return MizanMain.OK;
    }

    private static void printRejects(Map<String, Object> ctx, PrintWriter out) {
        out.println("  rows:     " + RunSummary.readLine(ctx, 0));
        RunReport report = RunReport.read(ctx);
        report.rejectsByRule().forEach((rule, n) -> out.printf("    %-22s %d%n", rule, n));
        if (report.quarantine() != null) {
            out.println("  rejects:  " + report.quarantine());
        }
    }
}
