package org.mizan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mizan.config.MizanHome;
import org.mizan.jobs.ingest.IngestContext;
import org.mizan.jobs.ingest.LakeStagingWriter;
import org.mizan.steward.Executions;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan prune --older-than D}: forgets finished runs older than a day, with their quarantine files. */
@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        header = "Deletes old executions and their quarantine files.",
        description = {
            "Deletes from the job repository the executions that ended before a day (completed, failed or",
            "abandoned; never a running one), the job instances left with no execution, and their quarantine files.",
            "The lake and the warehouse are not touched. Example: mizan prune --older-than 2024-01-01"
        })
public class PruneCommand implements Callable<Integer> {

    @Option(names = "--older-than", required = true, description = "a day (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM)")
    String olderThan;

    @Option(names = "--dry-run", description = "only list what would be deleted")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LocalDateTime before = HistoryCommand.parseDay("--older-than", olderThan);
        PrintWriter out = spec.commandLine().getOut();
        int executions = 0;
        int quarantines = 0;
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            JobRepository repository = runner.repository();
            for (JobExecution e : Executions.list(repository, null, null, Integer.MAX_VALUE)) {
                if (e.getStatus().isRunning()
                        || e.getEndTime() == null
                        || !e.getEndTime().isBefore(before)) {
                    continue;
                }
                String quarantine = ExecutionTable.ingestStep(e)
                        .map(s -> s.getExecutionContext().getString(LakeStagingWriter.QUARANTINE, null))
                        .orElse(null);
                out.printf(
                        "%s execution %d (%s, ended %s)%n",
                        dryRun ? "would delete" : "deleted",
                        e.getId(),
                        e.getJobInstance().getJobName(),
                        e.getEndTime().withNano(0));
                if (!dryRun) {
                    JobInstance instance = e.getJobInstance();
                    repository.deleteJobExecution(e);
                    if (repository.getJobExecutions(instance).isEmpty()) {
                        repository.deleteJobInstance(instance);
                        IngestContext.discardStaging(
                                MizanHome.fromEnvironment(), instance.getJobName(), instance.getInstanceId());
                    }
                    if (quarantine != null
                            && isOnlyReference(repository, quarantine)
                            && Files.deleteIfExists(Path.of(quarantine))) {
                        quarantines++;
                    }
                }
                executions++;
            }
        }
        quarantines += dryRun ? 0 : orphanQuarantines(before);
        out.printf(
                "%s %d execution(s) and %d quarantine file(s) older than %s%n",
                dryRun ? "would prune" : "pruned", executions, quarantines, before);
        return MizanMain.OK;
    }

    /** A rerun shares its run's quarantine file: keep it while another execution still names it. */
    private static boolean isOnlyReference(JobRepository repository, String quarantine) {
        return Executions.list(repository, null, null, Integer.MAX_VALUE).stream()
                .map(ExecutionTable::ingestStep)
                .noneMatch(s -> s.map(x -> quarantine.equals(
                                x.getExecutionContext().getString(LakeStagingWriter.QUARANTINE, null)))
                        .orElse(false));
    }

    /** Quarantine files of runs no longer in the repository (pruned by an earlier version, or a lost repository). */
    private static int orphanQuarantines(LocalDateTime before) throws IOException {
        Path dir = MizanHome.fromEnvironment().quarantine();
        long cutoff = before.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        int n = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> old = s.filter(Files::isRegularFile)
                    .filter(p -> p.toFile().lastModified() < cutoff)
                    .toList();
            for (Path p : old) {
                Files.delete(p);
                n++;
            }
        }
        return n;
    }
}
