package org.mizan.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.steward.BackfillPlanner;
import org.mizan.steward.Launches;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mizan rerun <execution>}: restarts a failed or stopped run where its last checkpoint left it.
 * {@code mizan rerun --job J --source S --period P}: reads one completed partition again from its delivered files.
 */
@Command(
        name = "rerun",
        mixinStandardHelpOptions = true,
        header = "Restarts a failed run, or reads one partition again.",
        description = {
            "rerun EXECUTION restarts a failed or stopped execution (also one whose process was killed) with the same",
            "file and mapping. Steps that completed are not run again; the ingest step resumes at its last checkpoint",
            "(every 200,000 rows): rows staged before it are kept, none is counted twice.",
            "rerun --job J --source S --period P reads a completed partition again from the files that were delivered",
            "for it (their paths and mappings are in the job repository) and replaces exactly that partition: the",
            "files' rows of other periods and sources, and other files, are left as they are. Use it after a",
            "correction upstream (a gazetteer or FX change) or when a partition is suspect. Rerunning twice gives",
            "the same lake and warehouse as once.",
            "Examples: mizan history --job ingest-remittances; mizan rerun 41",
            "          mizan rerun --job ingest-remittances --source MTO-017 --period 2024-03"
        })
public class RerunCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "EXECUTION",
            description = "the failed or stopped execution (mizan history lists them)")
    Long id;

    @Option(names = "--job", description = "the job of the partition (${bundle:" + JobHelp.PARTITION_JOBS + "})")
    String job;

    @Option(names = "--source", description = "the partition's source, as in the lake and mizan status (e.g. MTO-017)")
    String source;

    @Option(names = "--period", description = "the partition's period (2024-03, or 2024-Q1 for quarterly sources)")
    String period;

    @CommandLine.Mixin
    ReopenOption reopen = new ReopenOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.mizan.quality.QualityChecks.load(
                org.mizan.config.MizanHome.fromEnvironment()); // a mistake there: exit 2 before any work
        if (id != null && job == null && source == null && period == null) {
            return restart();
        }
        if (id != null || job == null || source == null || period == null) {
            throw new MizanMain.UsageException(
                    "give either an EXECUTION (mizan rerun 41) or all of --job, --source and --period"
                            + " (mizan rerun --job ingest-remittances --source MTO-017 --period 2024-03)");
        }
        return partition();
    }

    private int restart() throws Exception {
        try (JobRunner runner = JobRunner.forLoad(spec.commandLine().getErr(), "rerun")) {
            JobExecution e = runner.requireExecution(id);
            if (e.getStatus() == BatchStatus.COMPLETED) {
                throw new MizanMain.UsageException(
                        "execution " + id + " completed: nothing to rerun. To read its file again, run"
                                + " mizan rerun --job " + e.getJobInstance().getJobName()
                                + " --source S --period P for a partition, or"
                                + " mizan run " + e.getJobInstance().getJobName() + " file="
                                + e.getJobParameters().getString("file"));
            }
            if (e.getStatus() == BatchStatus.ABANDONED || e.getStatus().isRunning()) {
                throw new MizanMain.UsageException("execution " + id + " is " + e.getStatus() + " and cannot be rerun");
            }
            if (runner.detached() != null) {
                // a manager killed while workers ran: their partitions of it end first, and count
                runner.detached().settle(e, spec.commandLine().getErr());
            }
            Long restarted = runner.operator().restart(id);
            JobExecution r = runner.execution(restarted);
            spec.commandLine().getOut().println("rerun of execution " + id + ":");
            RunSummary.print(
                    r,
                    r.getJobParameters().getString("mapping"),
                    spec.commandLine().getOut());
            return r.getStatus() == BatchStatus.COMPLETED ? MizanMain.OK : MizanMain.FAILED;
        }
    }

    private int partition() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BackfillPlanner planner = BackfillPlanner.of(MizanHome.fromEnvironment());
        BackfillPlanner.Rerun plan = planner.rerun(job, source, period);
        int code = MizanMain.OK;
        try (JobRunner runner = JobRunner.forLoad(spec.commandLine().getErr(), "rerun")) {
            reopen.arm(runner);
            Map<String, Launches.Delivered> files = planner.files(runner.launches(), plan);
            out.printf(
                    "rerun of partition period=%s source=%s of %s: %d delivered file(s)%n",
                    period, plan.source(), job, files.size());
            for (Launches.Delivered d : files.values()) {
                JobExecution e = runner.launches()
                        .load(job, d.file(), d.mapping(), Map.of("period", period, "source", plan.source()));
                ReopenOption.rethrowRefusal(e);
                RunSummary.print(e, d.mapping(), out);
                code = e.getStatus() == BatchStatus.COMPLETED ? code : MizanMain.FAILED;
            }
            reopen.report(runner, out);
        }
        return code;
    }
}
