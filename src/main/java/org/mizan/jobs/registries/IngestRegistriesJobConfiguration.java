package org.mizan.jobs.registries;

import org.mizan.jobs.ingest.StandardIngestJob;
import org.springframework.batch.core.job.Job;
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
    Job ingestRegistriesJob(StandardIngestJob jobs) {
        return jobs.named(NAME);
    }
}
