package org.mizan.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mizan.config.MizanHome;
import org.mizan.normalise.Outcome;
import org.mizan.source.RawRecord;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest step of one partition, on a manager's thread or a worker process: for each step execution it builds
 * the same chunk step as a single-node load ({@link IngestSteps#ingestStep}: reader, checks, staging writer, with
 * its checkpoints), limited to the partition's lines and staged in the partition's folder. Built per execution,
 * so partitions running at once share nothing but the lake they read.
 */
public class PartitionIngestStep implements Step {

    public static final String NAME = "ingest-partition";

    /** The staged Parquet files of a completed partition, relative to its staging folder, one a line. */
    static final String STAGED = "partition.staged";

    private final JobRepository repository;
    private final PlatformTransactionManager tx;
    private final MizanHome home;

    public PartitionIngestStep(JobRepository repository, PlatformTransactionManager tx, MizanHome home) {
        this.repository = repository;
        this.tx = tx;
        this.home = home;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void execute(StepExecution execution) throws JobInterruptedException {
        ExecutionContext p = execution.getExecutionContext();
        Step step;
        try {
            step = build(execution, p);
        } catch (RuntimeException e) {
            // the lake's reference data or the mapping could not be read: this partition fails as a step would
            execution.setStatus(org.springframework.batch.core.BatchStatus.FAILED);
            execution.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED.addExitDescription(e));
            execution.addFailureException(e);
            execution.setEndTime(java.time.LocalDateTime.now());
            repository.update(execution);
            return;
        }
        step.execute(execution);
        if (execution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
            // Spring Batch records a step COMPLETED and only then closes its streams (the writer finishing the staged
            // Parquet files and the quarantine): a manager polling the job repository saw the partition completed while
            // its worker was still finishing them, read them half-written, and a key two partitions staged was stored
            // twice. The staged files are listed here, once closed; the manager waits for the list (RemotePartitioning)
            // and reads only what it names.
            Path dir = PartitionContext.partStaging(
                    home,
                    execution.getJobExecution().getJobInstance().getJobName(),
                    execution.getJobExecution().getJobInstance().getInstanceId(),
                    p.getString(IngestPartitions.NAME));
            List<String> staged = new ArrayList<>();
            try {
                if (Files.isDirectory(dir)) {
                    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
                        s.filter(f -> f.toString().endsWith(".parquet"))
                                .map(f -> dir.relativize(f).toString())
                                .sorted()
                                .forEach(staged::add);
                    }
                }
            } catch (IOException e) {
                execution.setStatus(org.springframework.batch.core.BatchStatus.FAILED);
                execution.setExitStatus(org.springframework.batch.core.ExitStatus.FAILED.addExitDescription(e));
                execution.addFailureException(e);
                repository.update(execution);
                return;
            }
            execution.getExecutionContext().putString(STAGED, String.join("\n", staged));
            repository.updateExecutionContext(execution);
        }
    }

    /** Whether a completed partition has listed its staged files (its worker has finished them). */
    static boolean listed(StepExecution s) {
        return s.getExecutionContext().containsKey(STAGED);
    }

    private Step build(StepExecution execution, ExecutionContext p) {
        PartitionContext context = new PartitionContext(
                home,
                p.getString(IngestPartitions.FILE),
                p.getString(IngestPartitions.MAPPING),
                execution.getJobExecution().getJobInstance().getJobName(),
                execution.getJobExecution().getJobInstance().getInstanceId(),
                p.getString(IngestPartitions.NAME));
        NormaliseProcessor processor = new NormaliseProcessor(NormaliserFactory.forContext(context), context);
        SourceItemReader reader = new SourceItemReader(
                        context, new IngestProgress(context.file().getFileName().toString(), System.err))
                .range(p.getLong(IngestPartitions.AFTER_LINE), p.getLong(IngestPartitions.LAST_LINE));
        LakeStagingWriter writer = new LakeStagingWriter(context, reader);
        return new StepBuilder(execution.getStepName(), repository)
                        .<RawRecord, Outcome>chunk(IngestSteps.CHUNK)
                        .transactionManager(tx)
                        .reader(reader)
                        .processor(processor)
                        .writer(writer)
                        .stream(processor)
                        .build();
    }

    /**
     * The staged files of a partition, as its step execution listed them ({@link #STAGED}), each checked to be
     * there: a manager reads only what the partition said it finished, never a folder a worker may still write.
     */
    static List<Path> staged(MizanHome home, String jobName, long runId, IngestPartitions.Part part, StepExecution s) {
        Object list = s.getExecutionContext().get(STAGED);
        Path dir = PartitionContext.partStaging(home, jobName, runId, part.name());
        if (!(list instanceof String l)) {
            throw new IllegalStateException("partition " + part.name() + " of run " + runId
                    + " completed without listing its staged files (a worker of an earlier version?):"
                    + " run the delivery again");
        }
        List<Path> out = new ArrayList<>();
        for (String f : l.split("\n")) {
            if (f.isBlank()) {
                continue;
            }
            Path p = dir.resolve(f);
            if (!Files.exists(p)) {
                throw new IllegalStateException("partition " + part.name() + " of run " + runId + " staged " + p
                        + ", which is not there on this machine: the manager and every worker must share the lake"
                        + " folder (MIZAN_HOME/lake)");
            }
            out.add(p);
        }
        return out;
    }
}
