package org.mizan.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mizan rerun <execution>}: restarts a failed or stopped run where its last checkpoint left it. */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Restarts a failed or stopped execution (also one whose process was killed) with the same file and",
                "mapping. Steps that completed are not run again; the ingest step resumes at its last checkpoint",
                "(every 200,000 rows): rows staged before it are kept, none is counted twice.",
                "Example: mizan history --job ingest-remittances; mizan rerun 41"})
public class RerunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION", description = "the failed or stopped execution (mizan history lists them)")
    long id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            JobExecution e = runner.requireExecution(id);
            if (e.getStatus() == BatchStatus.COMPLETED) {
                throw new MizanMain.UsageException("execution " + id + " completed: nothing to rerun. To load its file again,"
                        + " run it again: mizan run " + e.getJobInstance().getJobName() + " file=" + e.getJobParameters().getString("file"));
            }
            if (e.getStatus() == BatchStatus.ABANDONED || e.getStatus().isRunning()) {
                throw new MizanMain.UsageException("execution " + id + " is " + e.getStatus() + " and cannot be rerun");
            }
            Long restarted = runner.operator().restart(id);
            JobExecution r = runner.execution(restarted);
            spec.commandLine().getOut().println("rerun of execution " + id + ":");
            RunSummary.print(r, r.getJobParameters().getString("mapping"), spec.commandLine().getOut());
            return r.getStatus() == BatchStatus.COMPLETED ? MizanMain.OK : MizanMain.FAILED;
        }
    }
}
