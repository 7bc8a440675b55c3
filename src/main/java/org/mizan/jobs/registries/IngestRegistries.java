package org.mizan.jobs.registries;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mizan.config.UsageException;
import org.mizan.jobs.DefaultMappings;
import org.mizan.jobs.JobDescriptor;
import org.mizan.jobs.ingest.StandardIngestJob;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code ingest-registries}: municipal registries of people (migrants abroad, returnees) and of service
 * deliveries (format 4), each municipality's export through its mapping, pseudonymised at ingestion. A CSV is of
 * people or of service deliveries by its header; a workbook needs its municipality's mapping.
 */
@Configuration(proxyBeanMethods = false)
public class IngestRegistries extends JobDescriptor {

    public static final String NAME = "ingest-registries";

    public IngestRegistries() {
        super(
                NAME,
                List.of("registry_people", "service_deliveries"),
                "registries of people and service deliveries (format 4)",
                null);
    }

    @Override
    public String defaultMapping(Path file) {
        if (DefaultMappings.nameOf(file).endsWith(".xlsx")) {
            throw new UsageException(file + ": a workbook needs its municipality's mapping (format: xlsx): pass"
                    + " mapping=NAME (e.g. registries/kutaisi-people; see jobs/README.md)");
        }
        List<String> header = DefaultMappings.header(file);
        return header.contains("service_id") ? "defaults/service-deliveries" : "defaults/registry-people";
    }

    @Override
    public Optional<String> approvalName() {
        return Optional.of("registries");
    }

    @Bean
    Job ingestRegistriesJob(StandardIngestJob jobs) {
        return jobs.named(NAME);
    }
}
