package org.mizan.jobs.registries;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mizan.config.UsageException;
import org.mizan.jobs.DefaultMappings;
import org.mizan.jobs.JobDescriptor;
import org.springframework.stereotype.Component;

/**
 * The catalogue's entry for {@code ingest-registries}: a CSV of people or of service deliveries by its header; a
 * workbook needs its municipality's mapping.
 */
@Component
public class IngestRegistries implements JobDescriptor {

    @Override
    public String name() {
        return IngestRegistriesJobConfiguration.NAME;
    }

    @Override
    public List<String> datasets() {
        return List.of("registry_people", "service_deliveries");
    }

    @Override
    public String defaultMapping(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".xlsx")) {
            throw new UsageException(file + ": a workbook needs its municipality's mapping (format: xlsx): pass"
                    + " mapping=NAME (e.g. registries/kutaisi-people; see jobs/README.md)");
        }
        List<String> header = DefaultMappings.header(file);
        return header.contains("service_id") ? "defaults/service-deliveries" : "defaults/registry-people";
    }

    @Override
    public boolean rerunsByPartition() {
        return true;
    }

    @Override
    public String help() {
        return "registries of people and service deliveries (format 4)";
    }
}
