package org.mizan.jobs.remittances;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mizan.config.UsageException;
import org.mizan.jobs.DefaultMappings;
import org.mizan.jobs.JobDescriptor;
import org.springframework.stereotype.Component;

/**
 * The catalogue's entry for {@code ingest-remittances}: JSON Lines and format 2 transactions, format 3 corridor
 * aggregates by their header; any other layout needs its mapping.
 */
@Component
public class IngestRemittances implements JobDescriptor {

    private static final List<String> FORMAT_2 = List.of("txn_id", "provider_id", "sent_at");
    private static final List<String> FORMAT_3 =
            List.of("period", "sender_country", "receiving_unit_code", "amount_usd", "txn_count", "reporter");

    @Override
    public String name() {
        return IngestRemittancesJobConfiguration.NAME;
    }

    @Override
    public List<String> datasets() {
        return List.of("remittance_transactions", "corridor_aggregates", "corridor_costs");
    }

    @Override
    public String defaultMapping(Path file) {
        // a gzip file is read as what it holds: x.jsonl.gz as JSON Lines
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
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
    public boolean rerunsByPartition() {
        return true;
    }

    @Override
    public String help() {
        return "transactions (format 2), corridor aggregates (3), costs";
    }
}
