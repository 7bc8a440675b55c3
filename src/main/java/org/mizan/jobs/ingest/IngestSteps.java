package org.mizan.jobs.ingest;

import org.mizan.approval.LoadLock;
import org.mizan.config.MizanHome;
import org.mizan.normalise.Outcome;
import org.mizan.source.RawRecord;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The three steps every ingest job shares: read, check and stage a delivered file ({@code ingest}); move it into
 * the lake ({@code publish-lake}); rebuild and publish the warehouse ({@code build-warehouse}). The file and its
 * mapping are job parameters.
 */
@Configuration(proxyBeanMethods = false)
public class IngestSteps {

    public static final String INGEST = org.mizan.steward.RunReport.INGEST_STEP;
    public static final String PUBLISH_LAKE = "publish-lake";
    public static final String BUILD_WAREHOUSE = "build-warehouse";
    static final int CHUNK = 10_000;

    @Bean
    MizanHome mizanHome() {
        return MizanHome.fromEnvironment();
    }

    /** One per job execution: the file, mapping and unit the ingest and publish steps share. */
    @Bean
    @JobScope
    IngestContext ingestContext(
            MizanHome home,
            @Value("#{jobParameters['file']}") String file,
            @Value("#{jobParameters['mapping']}") String mapping,
            @Value("#{jobExecution.jobInstance.jobName}") String jobName,
            @Value("#{jobExecution.jobInstance.instanceId}") Long runId,
            @Value("#{jobParameters['period']}") String period,
            @Value("#{jobParameters['source']}") String source) {
        return new IngestContext(home, file, mapping, jobName, runId, period, source);
    }

    /**
     * Job-scoped, so that its reader, processor and writer are plain objects made for this execution: a
     * step-scoped proxy around each would cost a reflective call per row.
     */
    @Bean
    @JobScope
    Step ingestStep(JobRepository repository, PlatformTransactionManager tx, IngestContext context) {
        NormaliseProcessor processor = new NormaliseProcessor(NormaliserFactory.forContext(context), context);
        SourceItemReader reader = new SourceItemReader(
                context, new IngestProgress(context.file().getFileName().toString(), System.err));
        return new StepBuilder(INGEST, repository)
                        .<RawRecord, Outcome>chunk(CHUNK)
                        .transactionManager(tx)
                        .reader(reader)
                        .processor(processor)
                        .writer(new LakeStagingWriter(context, reader))
                        .stream(processor)
                        .build();
    }

    @Bean
    @JobScope
    Step publishLakeStep(
            JobRepository repository,
            PlatformTransactionManager tx,
            IngestContext context,
            ObjectProvider<LoadLock> lock) {
        return new StepBuilder(PUBLISH_LAKE, repository)
                .tasklet(new PublishLakeTasklet(context, repository, lock.getIfAvailable()), tx)
                .build();
    }

    @Bean
    Step buildWarehouseStep(JobRepository repository, PlatformTransactionManager tx, MizanHome home) {
        return new StepBuilder(BUILD_WAREHOUSE, repository)
                .tasklet(new BuildWarehouseTasklet(home), tx)
                .build();
    }
}
