package org.mizan.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.mizan.lake.PartitionedParquetWriter;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.Reject;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes accepted records to the load's staging partitions and rejects to its quarantine file, and keeps the
 * counts by rule in the step's context for the summary. Nothing here is visible in the lake until the publish step.
 */
public class LakeStagingWriter implements ItemStreamWriter<Outcome> {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String SOURCE_ROWS = "source_rows";
    public static final String RULE_PREFIX = "rule.";
    public static final String QUARANTINE = "quarantine";

    private final IngestContext context;
    private BackgroundLakeWriter lake;
    private QuarantineWriter quarantine;
    private final Map<String, Long> byRule = new TreeMap<>();
    private long accepted;
    private long rejected;
    private long rows;

    public LakeStagingWriter(IngestContext context) {
        this.context = context;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            // a restart rebuilds the whole unit: throw away whatever an interrupted attempt staged
            deleteRecursively(context.staging());
            Files.createDirectories(context.staging());
        } catch (IOException e) {
            throw new ItemStreamException("cannot prepare staging folder " + context.staging(), e);
        }
        lake = new BackgroundLakeWriter(new PartitionedParquetWriter(context.dataset(), context.staging(), context.unit()));
        quarantine = new QuarantineWriter(context.quarantineFile());
    }

    @Override
    public void write(Chunk<? extends Outcome> chunk) throws IOException {
        List<SpecificRecord> records = new ArrayList<>(chunk.size());
        for (Outcome o : chunk) {
            rows++;
            records.addAll(o.accepted());
            for (Reject r : o.rejects()) {
                quarantine.write(r);
                rejected++;
                byRule.merge(r.rule().code(), 1L, Long::sum);
            }
        }
        accepted += records.size();
        lake.write(records);
    }

    @Override
    public void update(ExecutionContext ctx) {
        ctx.putLong(ACCEPTED, accepted);
        ctx.putLong(REJECTED, rejected);
        ctx.putLong(SOURCE_ROWS, rows);
        byRule.forEach((rule, n) -> ctx.putLong(RULE_PREFIX + rule, n));
        if (quarantine != null && quarantine.isOpen()) {
            ctx.putString(QUARANTINE, quarantine.file().toString());
        }
    }

    @Override
    public void close() {
        try {
            if (lake != null) {
                lake.close();
            }
            if (quarantine != null) {
                quarantine.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot finish the staged Parquet files of " + context.file(), e);
        }
    }

    static void deleteRecursively(java.nio.file.Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
            for (java.nio.file.Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
