package org.mizan.jobs.ingest;

import java.util.Collection;
import java.util.List;
import org.mizan.config.MizanHome;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The partitioned ingest of remittances (job {@code ingest-remittances-partitioned}): a delivery of one or more
 * files cut into partitions ({@link IngestPartitions}), each read, checked and staged by {@link PartitionIngestStep}
 * on local threads or, with {@code workers=remote}, by {@code mizan worker} processes over RabbitMQ; then joined
 * ({@link PartitionResults}), published to the lake once ({@link PublishPartitionsTasklet}) and the warehouse
 * built once, on the manager. Job parameters: {@code files} and {@code mappings} (one a line, in delivery order),
 * {@code partition_bytes}, {@code workers} ({@code local} or {@code remote}).
 */
@Configuration(proxyBeanMethods = false)
public class PartitionedIngestSteps {

    public static final String JOB = "ingest-remittances-partitioned";
    public static final String FILES = "files";
    public static final String MAPPINGS = "mappings";
    public static final String PARTITION_BYTES = "partition_bytes";
    public static final String WORKERS = "workers";
    public static final String REMOTE = "remote";

    /** The partitions of a run, from its parameters (the same every time: a restart finds its partitions by name). */
    public static IngestPartitions partitions(JobParameters params) {
        return new IngestPartitions(
                IngestPartitions.files(params.getString(FILES)),
                IngestPartitions.mappings(params.getString(MAPPINGS)),
                params.getLong(PARTITION_BYTES, 0L));
    }

    @Bean
    PartitionIngestStep ingestPartitionStep(JobRepository repository, PlatformTransactionManager tx, MizanHome home) {
        return new PartitionIngestStep(repository, tx, home);
    }

    @Bean
    Step partitionedIngestStep(
            JobRepository repository,
            PartitionIngestStep worker,
            MizanHome home,
            ObjectProvider<RemotePartitions> remote,
            @Value("${mizan.partition.threads:0}") int threads) {
        TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();
        local.setStep(worker);
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("mizan-partition-");
        executor.setConcurrencyLimit(
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        local.setTaskExecutor(executor);
        PartitionHandler handler = new PartitionHandler() {
            @Override
            public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager)
                    throws Exception {
                if (REMOTE.equals(manager.getJobExecution().getJobParameters().getString(WORKERS))) {
                    RemotePartitions r = remote.getIfAvailable();
                    if (r == null) {
                        throw new IllegalStateException(
                                "this run's partitions go to workers, but no broker is configured:"
                                        + " run with the distributed profile (SPRING_PROFILES_ACTIVE=postgres,distributed)");
                    }
                    return r.handler().handle(splitter, manager);
                }
                return local.handle(splitter, manager);
            }
        };
        Partitioner partitioner = grid -> partitions(StepSynchronizationManager.getContext()
                        .getStepExecution()
                        .getJobExecution()
                        .getJobParameters())
                .partition(grid);
        return new StepBuilder(IngestSteps.INGEST, repository)
                .partitioner(PartitionIngestStep.NAME, partitioner)
                .step(worker)
                .partitionHandler(handler)
                .aggregator(new PartitionResults(repository, home))
                .build();
    }

    @Bean
    Step publishPartitionsStep(JobRepository repository, PlatformTransactionManager tx, MizanHome home) {
        return new StepBuilder(IngestSteps.PUBLISH_LAKE, repository)
                .tasklet(new PublishPartitionsTasklet(home, repository), tx)
                .build();
    }

    @Bean
    Job ingestRemittancesPartitionedJob(
            JobRepository repository,
            org.mizan.steward.RunRecorder runRecorder,
            @Qualifier("partitionedIngestStep") Step ingest,
            @Qualifier("publishPartitionsStep") Step publish,
            @Qualifier("buildWarehouseStep") Step build) {
        return new JobBuilder(JOB, repository)
                .listener(runRecorder)
                .start(ingest)
                .next(publish)
                .next(build)
                .build();
    }

    /** The remote side of the handler: present with the distributed profile (see {@code RemotePartitioning}). */
    public interface RemotePartitions {
        PartitionHandler handler();
    }

    static List<String> names(List<IngestPartitions.Part> plan) {
        return plan.stream().map(IngestPartitions.Part::name).toList();
    }
}
