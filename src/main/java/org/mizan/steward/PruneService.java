package org.mizan.steward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mizan.config.Folders;
import org.mizan.config.MizanHome;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Forgets finished runs older than a time: their executions in the job repository, the job instances left with none
 * (and those runs' staging folders), and their quarantine files; then the quarantine files older than that time of
 * runs no longer in the repository. Never a running execution; the lake and the warehouse are not touched.
 */
@Component
public class PruneService {

    private final JobRepository repository;

    public PruneService(JobRepository repository) {
        this.repository = repository;
    }

    /** What a prune deleted (or, in a dry run, would delete). */
    public record Pruned(int executions, int quarantines) {}

    /**
     * Prunes what ended before {@code before}; {@code each} hears of every execution before it is deleted. A dry run
     * deletes nothing and counts no quarantine file.
     */
    public Pruned prune(MizanHome home, LocalDateTime before, boolean dryRun, Consumer<JobExecution> each)
            throws IOException {
        int executions = 0;
        int quarantines = 0;
        for (JobExecution e : Executions.list(repository, null, null, Integer.MAX_VALUE)) {
            if (e.getStatus().isRunning()
                    || e.getEndTime() == null
                    || !e.getEndTime().isBefore(before)) {
                continue;
            }
            String quarantine = RunReport.of(e).quarantine();
            each.accept(e);
            if (!dryRun) {
                JobInstance instance = e.getJobInstance();
                repository.deleteJobExecution(e);
                if (repository.getJobExecutions(instance).isEmpty()) {
                    repository.deleteJobInstance(instance);
                    Folders.deleteTree(home.staging(instance.getJobName(), instance.getInstanceId()));
                }
                if (quarantine != null && isOnlyReference(quarantine) && Files.deleteIfExists(Path.of(quarantine))) {
                    quarantines++;
                }
            }
            executions++;
        }
        quarantines += dryRun ? 0 : orphanQuarantines(home, before);
        return new Pruned(executions, quarantines);
    }

    /** A rerun shares its run's quarantine file: keep it while another execution still names it. */
    private boolean isOnlyReference(String quarantine) {
        return Executions.list(repository, null, null, Integer.MAX_VALUE).stream()
                .noneMatch(e -> quarantine.equals(RunReport.of(e).quarantine()));
    }

    /** Quarantine files of runs no longer in the repository (pruned by an earlier version, or a lost repository). */
    private static int orphanQuarantines(MizanHome home, LocalDateTime before) throws IOException {
        Path dir = home.quarantine();
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
