package org.mizan.jobs.remittances;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mizan.config.UsageException;
import org.mizan.jobs.DefaultMappings;
import org.mizan.jobs.JobDescriptor;
import org.mizan.jobs.ingest.PartitionedIngestSteps;
import org.mizan.jobs.ingest.StandardIngestJob;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code ingest-remittances}: MTO and bank transactions (format 2, CSV or JSON Lines), central-bank corridor
 * aggregates (format 3) and published corridor costs (World Bank RPW), each file through its mapping; JSON Lines and
 * format 2 transactions, format 3 corridor aggregates are known by their header, any other layout needs its mapping.
 * Several files of one delivery load as one partitioned run ({@link PartitionedIngestSteps}).
 */
@Configuration(proxyBeanMethods = false)
public class IngestRemittances extends JobDescriptor {

    public static final String NAME = "ingest-remittances";

    private static final List<String> FORMAT_2 = List.of("txn_id", "provider_id", "sent_at");
    private static final List<String> FORMAT_3 =
            List.of("period", "sender_country", "receiving_unit_code", "amount_usd", "txn_count", "reporter");

    public IngestRemittances() {
        super(
                NAME,
                List.of("remittance_transactions", "corridor_aggregates", "corridor_costs"),
                "transactions (format 2), corridor aggregates (3), costs",
                null);
    }

    @Override
    public String defaultMapping(Path file) {
        // a gzip file is read as what it holds: x.jsonl.gz as JSON Lines
        String name = DefaultMappings.nameOf(file);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return "defaults/remittances-jsonl";
        }
        List<String> header = DefaultMappings.header(file);
        // an empty file goes to the load, which fails it with exit code 1 and says so
        if (header.isEmpty() || header.containsAll(FORMAT_2)) {
            return "defaults/remittances";
        }
        if (header.containsAll(FORMAT_3)) {
            return "defaults/corridor-aggregates";
        }
        throw new UsageException(file + ": not a standard remittance file (format 2 needs the columns " + FORMAT_2
                + "…, format 3 " + FORMAT_3 + "). Describe it with a mapping under jobs/ and pass mapping=NAME.");
    }

    @Override
    public Optional<String> partitionedJob() {
        return Optional.of(PartitionedIngestSteps.JOB);
    }

    @Override
    public Optional<String> approvalName() {
        return Optional.of("remittances");
    }

    @Bean
    Job ingestRemittancesJob(StandardIngestJob jobs) {
        return jobs.named(NAME);
    }
}
