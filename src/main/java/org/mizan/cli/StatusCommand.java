package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.mizan.config.MizanHome;
import org.mizan.jobs.ingest.IngestSteps;
import org.mizan.jobs.ingest.LakeStagingWriter;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.SqlFiles;
import org.mizan.warehouse.Warehouse;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan status}: the latest loads with their outcome and counts, and what the published warehouse holds. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the latest job executions (state, file, rows read / accepted / rejected) from the job",
                "repository, and the published warehouse with the rows of each public view."})
public class StatusCommand implements Callable<Integer> {

    @Option(names = "--last", defaultValue = "15", description = "how many executions to list (default 15)")
    int last;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MizanHome home = MizanHome.fromEnvironment();
        out.println("MIZAN_HOME " + home.root());
        try (JobRunner runner = new JobRunner()) {
            printExecutions(runner.repository(), out);
        }
        Path warehouse = new Warehouse(home).published();
        if (warehouse == null) {
            out.println("warehouse: none published yet (run ./mizan demo or ./mizan run …)");
            return MizanMain.OK;
        }
        out.println("warehouse: " + warehouse);
        ResultPrinter.print(ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/status_counts.sql")), "table", out);
        return MizanMain.OK;
    }

    private void printExecutions(JobRepository repository, PrintWriter out) {
        List<JobExecution> executions = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            for (JobInstance instance : repository.getJobInstances(job, 0, last)) {
                executions.addAll(repository.getJobExecutions(instance));
            }
        }
        executions.sort(Comparator.comparing(JobExecution::getId).reversed());
        if (executions.isEmpty()) {
            out.println("no job has run yet");
            return;
        }
        out.printf("%-9s  %-18s  %-9s  %-19s  %9s  %9s  %9s  %s%n", "execution", "job", "status", "started", "read", "accepted", "rejected", "file");
        for (JobExecution e : executions.subList(0, Math.min(last, executions.size()))) {
            var ingest = e.getStepExecutions().stream().filter(s -> IngestSteps.INGEST.equals(s.getStepName())).findFirst();
            long read = ingest.map(s -> s.getExecutionContext().getLong(LakeStagingWriter.SOURCE_ROWS, 0)).orElse(0L);
            long acc = ingest.map(s -> s.getExecutionContext().getLong(LakeStagingWriter.ACCEPTED, 0)).orElse(0L);
            long rej = ingest.map(s -> s.getExecutionContext().getLong(LakeStagingWriter.REJECTED, 0)).orElse(0L);
            String started = e.getStartTime() == null ? "" : e.getStartTime().withNano(0).toString().replace('T', ' ');
            String file = e.getJobParameters().getString("file");
            out.printf("%9d  %-18s  %-9s  %-19s  %9d  %9d  %9d  %s%n", e.getId(), e.getJobInstance().getJobName(),
                    e.getStatus(), started, read, acc, rej, file == null ? "" : Path.of(file).getFileName());
        }
    }
}
