package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.SqlFiles;
import org.mizan.steward.Executions;
import org.mizan.steward.PartitionStatusService;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan status}: the latest loads with their outcome and counts, and what the published warehouse holds. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        header = "Shows recent loads, partitions, schedules and the warehouse.",
        description = {
            "Shows the latest job executions (state, file, rows read / accepted / rejected) from the job",
            "repository; every lake partition (job × source × period) with its rows and the latest load that wrote",
            "it; every schedule with its next and last fire and its source's freshness (LATE when the newest",
            "load is older than the schedule's late-after); and the published warehouse with the rows of each view."
        })
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
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            printExecutions(runner.repository(), out);
            out.println();
            var partitions = runner.bean(PartitionStatusService.class).partitions(home);
            PartitionStatus.printPartitions(partitions, out);
            out.println();
            PartitionStatus.printSchedules(home, runner, partitions, java.time.LocalDateTime.now(), out);
            out.println();
        }
        for (String held : org.mizan.warehouse.BuildQuarantine.reasons(home)) {
            out.println("QUARANTINED " + held);
        }
        Path warehouse = new Warehouse(home).published();
        if (warehouse == null) {
            out.println("warehouse: none published yet (run ./mizan demo or ./mizan run …)");
            return MizanMain.OK;
        }
        out.println("warehouse: " + warehouse);
        ResultPrinter.print(ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/status_counts.sql")), "table", out);
        QualityLines.print(warehouse, "", out);
        return MizanMain.OK;
    }

    private void printExecutions(JobRepository repository, PrintWriter out) {
        ExecutionTable.print(Executions.list(repository, null, null, last), out);
    }
}
