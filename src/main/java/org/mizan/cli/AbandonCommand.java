package org.mizan.cli;

import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.jobs.ingest.IngestContext;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mizan abandon <execution>}: gives up on a failed or stopped run, so that it is never restarted. */
@Command(
        name = "abandon",
        mixinStandardHelpOptions = true,
        header = "Marks a failed or stopped execution as given up for good.",
        description = {
            "Marks a failed or stopped execution ABANDONED: it will not be restarted, and its file can be",
            "delivered again as a new run. A run whose process was killed is first marked FAILED automatically."
        })
public class AbandonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION", description = "the execution id (mizan history lists them)")
    long id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            JobExecution e = runner.requireExecution(id);
            if (e.getStatus().isRunning()) {
                throw new MizanMain.UsageException("execution " + id + " is still running (" + e.getStatus()
                        + "); it can be abandoned once it has stopped or failed");
            }
            if (e.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED
                    || e.getStatus() == org.springframework.batch.core.BatchStatus.ABANDONED) {
                throw new MizanMain.UsageException("execution " + id + " is " + e.getStatus()
                        + ": only a failed or stopped run can be" + " abandoned (./mizan history lists the runs)");
            }
            JobExecution abandoned = runner.operator().abandon(e);
            // an abandoned run is never resumed: what it had staged can go
            IngestContext.discardStaging(
                    MizanHome.fromEnvironment(),
                    e.getJobInstance().getJobName(),
                    e.getJobInstance().getInstanceId());
            spec.commandLine()
                    .getOut()
                    .println("execution " + id + " (" + e.getJobInstance().getJobName() + ") is now "
                            + abandoned.getStatus());
        }
        return MizanMain.OK;
    }
}
