package org.mizan.jobs.remittances;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code ingest-remittances}: MTO and bank transactions (format 2, CSV or JSON Lines), central-bank corridor
 * aggregates (format 3) and published corridor costs (World Bank RPW), each file through its mapping.
 */
@Configuration(proxyBeanMethods = false)
public class IngestRemittancesJobConfiguration {

    public static final String NAME = "ingest-remittances";

    @Bean
    Job ingestRemittancesJob(JobRepository repository, org.mizan.steward.RunRecorder runRecorder, @Qualifier("ingestStep") Step ingest,
                             @Qualifier("publishLakeStep") Step publish, @Qualifier("buildWarehouseStep") Step build) {
        return new JobBuilder(NAME, repository).listener(runRecorder).start(ingest).next(publish).next(build).build();
    }
}
