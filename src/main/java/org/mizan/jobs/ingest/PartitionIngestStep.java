package org.mizan.jobs.ingest;

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
        return new StepBuilder(execution.getStepName(), repository)
                        .<RawRecord, Outcome>chunk(IngestSteps.CHUNK)
                        .transactionManager(tx)
                        .reader(reader)
                        .processor(processor)
                        .writer(new LakeStagingWriter(context, reader))
                        .stream(processor)
                        .build();
    }
}
