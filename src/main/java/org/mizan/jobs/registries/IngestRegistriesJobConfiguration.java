package org.mizan.jobs.registries;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code ingest-registries}: municipal registries of people (migrants abroad, returnees) and of service
 * deliveries (format 4), each municipality's export through its mapping, pseudonymised at ingestion.
 */
@Configuration(proxyBeanMethods = false)
public class IngestRegistriesJobConfiguration {

    public static final String NAME = "ingest-registries";

    @Bean
    Job ingestRegistriesJob(JobRepository repository, org.mizan.steward.RunRecorder runRecorder, @Qualifier("ingestStep") Step ingest,
                            @Qualifier("publishLakeStep") Step publish, @Qualifier("buildWarehouseStep") Step build) {
        return new JobBuilder(NAME, repository).listener(runRecorder).start(ingest).next(publish).next(build).build();
    }
}
