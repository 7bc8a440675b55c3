package org.mizan.jobs.remittances;

import org.mizan.jobs.ingest.StandardIngestJob;
import org.springframework.batch.core.job.Job;
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
    Job ingestRemittancesJob(StandardIngestJob jobs) {
        return jobs.named(NAME);
    }
}
