package org.mizan.jobs.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mizan.approval.LoadLock;
import org.mizan.config.Folders;
import org.mizan.lake.ConcurrentDuplicates;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.steward.RunReport;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Moves a load's staged Parquet files into the lake, replacing the same file's earlier load and nothing else.
 * A file whose every row was rejected, or that held no row, changes nothing in the lake and fails the job.
 */
public class PublishLakeTasklet implements Tasklet {

    private final IngestContext context;

    private final JobRepository repository;

    private final LoadLock lock;

    public PublishLakeTasklet(IngestContext context, JobRepository repository) {
        this(context, repository, null);
    }

    /** With the approvals' lock: staged rows of an approved unit and period are refused (or reopen it) before the commit. */
    public PublishLakeTasklet(IngestContext context, JobRepository repository, LoadLock lock) {
        this.context = context;
        this.repository = repository;
        this.lock = lock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext counts = ingestCounts(chunkContext.getStepContext().getStepExecution(), repository);
        // the same content under another path: refused before anything else is said about its rows
        LoadIdentity identity = new LoadIdentity(context, context.lake());
        String replaces = identity.check();
        RunReport report = RunReport.read(counts.toMap());
        long accepted = report.accepted();
        long rejected = report.rejected();
        long outside = report.outsidePartition();
        if (accepted == 0 && outside == 0 && rejected > 0) {
            throw new IllegalStateException(
                    context.file() + ": every one of its " + rejected + " rows was rejected, so the lake"
                            + " was left as it was. Read the reasons in " + context.quarantineFile()
                            + " (is this the right mapping"
                            + " and is the gazetteer loaded?)");
        }
        if (accepted == 0 && outside == 0) {
            throw new IllegalStateException(
                    context.file() + ": has a header but no data rows, so the lake was left as it was."
                            + " Ask the source to deliver the file again.");
        }
        if (accepted == 0) {
            // a partition rerun or backfill: the file has no (more) rows in this partition, so its share there is empty
            chunkContext
                    .getStepContext()
                    .getStepExecution()
                    .getExecutionContext()
                    .putString("partition_note", "no row of this file falls in " + context.partition());
        }
        Path staging = context.staging();
        if (lock != null && Files.isDirectory(staging)) {
            // a file never delivered before is unknown to the published warehouse: its own rows are checked here
            try (Stream<Path> s = Files.walk(staging)) {
                lock.checkStaged(
                        context.jobName(),
                        context.file(),
                        context.dataset(),
                        s.filter(p -> p.toString().endsWith(".parquet"))
                                .sorted()
                                .toList());
            }
        }
        CrashPoint.reached("staged", 1, context.home().root());
        Lake lake = context.lake();
        ExecutionContext step = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        int placed = lake.exclusive(() -> {
            lake.recover();
            if (!Files.isDirectory(staging)) {
                // a restart after a crash in this step: recovery has already finished this commit
                return lake.filesOf(context.dataset(), context.unit()).size();
            }

            List<Path> staged;
            try (Stream<Path> s = Files.walk(staging)) {
                staged = s.filter(p -> p.toString().endsWith(".parquet"))
                        .map(staging::relativize)
                        .toList();
            }
            if (staged.isEmpty() && accepted > 0) {
                // a restart after a kill that came after this load's commit (its staged files are in the lake, the
                // folder not yet removed): committing nothing now would take its rows out of the lake again
                identity.record();
                Folders.deleteTree(staging);
                return lake.filesOf(context.dataset(), context.unit()).size();
            }
            if (context.dataset() == Dataset.REMITTANCE_TRANSACTIONS) {
                var found = ConcurrentDuplicates.check(
                        lake,
                        context.unit(),
                        context.keysSnapshot(),
                        staged.stream().map(staging::resolve).toList());
                if (found.count() > 0) {
                    throw new IllegalStateException(
                            context.file() + ": " + found.count() + " of its transactions (the first on line "
                                    + found.firstLine() + ") were loaded from " + found.otherFile()
                                    + " by a load that ran at the same time,"
                                    + " so the lake was left as it was. Run this file again: those rows will be rejected as duplicate_loaded"
                                    + " and the others loaded.");
                }
            }
            long replaced = ReplacedRecords.count(lake, context.dataset(), context);
            int n = lake.commit(context.dataset(), context.unit(), context.partition(), staging, staged)
                    .size();
            RunReport.putReplaced(step, context.dataset(), replaced);
            identity.record();
            CrashPoint.reached("published", 1, context.home().root());
            if (replaces != null) {
                step.putString(LoadIdentity.REPLACES, replaces);
            }
            Folders.deleteTree(staging);
            return n;
        });
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putInt("lake_files", placed);
        return RepeatStatus.FINISHED;
    }

    /**
     * The ingest step's counts: from this execution, or, for a restart that resumed after the ingest step had
     * completed (so this execution never ran it), from the job instance's last ingest step.
     */
    static ExecutionContext ingestCounts(StepExecution current, JobRepository repository) {
        StepExecution ingest = current.getJobExecution().getStepExecutions().stream()
                .filter(s -> IngestSteps.INGEST.equals(s.getStepName()))
                .findFirst()
                .orElseGet(() -> repository.getLastStepExecution(
                        current.getJobExecution().getJobInstance(), IngestSteps.INGEST));
        if (ingest == null) {
            throw new IllegalStateException("the job ran no " + IngestSteps.INGEST + " step before publishing");
        }
        return ingest.getExecutionContext();
    }
}
