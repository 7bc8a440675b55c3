package org.mizan.jobs.ingest;

import org.mizan.config.MizanHome;
import org.mizan.normalise.Outcome;
import org.mizan.source.RawRecord;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
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

    public static final String INGEST = "ingest";
    public static final String PUBLISH_LAKE = "publish-lake";
    public static final String BUILD_WAREHOUSE = "build-warehouse";
    static final int CHUNK = 10_000;

    @Bean
    MizanHome mizanHome() {
        return MizanHome.fromEnvironment();
    }

    @Bean
    @StepScope
    IngestContext ingestContext(MizanHome home,
                                @Value("#{jobParameters['file']}") String file,
                                @Value("#{jobParameters['mapping']}") String mapping,
                                @Value("#{stepExecution.jobExecution.jobInstance.jobName}") String jobName,
                                @Value("#{stepExecution.jobExecution.id}") Long executionId) {
        return new IngestContext(home, file, mapping, jobName, executionId);
    }

    @Bean
    @StepScope
    SourceItemReader ingestReader(IngestContext context) {
        return new SourceItemReader(context, new IngestProgress(context.file().getFileName().toString(), System.err));
    }

    @Bean
    @StepScope
    NormaliseProcessor ingestProcessor(IngestContext context) {
        return new NormaliseProcessor(NormaliserFactory.forContext(context));
    }

    @Bean
    @StepScope
    LakeStagingWriter ingestWriter(IngestContext context) {
        return new LakeStagingWriter(context);
    }

    @Bean
    @StepScope
    PublishLakeTasklet publishLakeTasklet(IngestContext context) {
        return new PublishLakeTasklet(context);
    }

    @Bean
    Step ingestStep(JobRepository repository, PlatformTransactionManager tx, SourceItemReader ingestReader,
                    NormaliseProcessor ingestProcessor, LakeStagingWriter ingestWriter) {
        return new StepBuilder(INGEST, repository)
                .<RawRecord, Outcome>chunk(CHUNK)
                .transactionManager(tx)
                .reader(ingestReader)
                .processor(ingestProcessor)
                .writer(ingestWriter)
                .build();
    }

    @Bean
    Step publishLakeStep(JobRepository repository, PlatformTransactionManager tx, PublishLakeTasklet publishLakeTasklet) {
        return new StepBuilder(PUBLISH_LAKE, repository).tasklet(publishLakeTasklet, tx).build();
    }

    @Bean
    Step buildWarehouseStep(JobRepository repository, PlatformTransactionManager tx, MizanHome home) {
        return new StepBuilder(BUILD_WAREHOUSE, repository).tasklet(new BuildWarehouseTasklet(home), tx).build();
    }
}
