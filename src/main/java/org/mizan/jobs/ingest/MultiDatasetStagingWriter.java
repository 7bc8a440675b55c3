package org.mizan.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.config.Folders;
import org.mizan.lake.Dataset;
import org.mizan.lake.PartitionedParquetWriter;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.Reject;
import org.mizan.steward.RunReport;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Stages the records of a source that yields several datasets at once (an IATI activity: project, sectors,
 * places, funding entries): one partitioned writer per dataset, under {@code <staging>/<dataset>/}, and the
 * rejects to the load's quarantine. Keeps the same counts as {@link LakeStagingWriter}, so the run summary and
 * the publish step read them alike. No checkpoints: a rerun reads the file again from its start.
 */
public class MultiDatasetStagingWriter implements ItemStreamWriter<Outcome> {

    private final IngestContext context;
    private final List<Dataset> datasets;
    private final Map<Dataset, PartitionedParquetWriter> writers = new EnumMap<>(Dataset.class);
    private final Map<String, Long> byRule = new TreeMap<>();
    private final Map<Dataset, Long> stored = new EnumMap<>(Dataset.class);
    private QuarantineWriter quarantine;
    private long accepted;
    private long rejected;
    private long rows;
    private long outside;

    /** @param datasets every dataset the source may yield: each is committed at publish, emptied when it yields none */
    public MultiDatasetStagingWriter(IngestContext context, List<Dataset> datasets) {
        this.context = context;
        this.datasets = datasets;
    }

    /** Where a dataset's records are staged. */
    public static Path stagingOf(IngestContext context, Dataset dataset) {
        return context.staging().resolve(dataset.folder());
    }

    /**
     * The list of a dataset's staged files (relative to {@link #stagingOf}), written when the step ends, possibly
     * empty: what the publish step commits. It is removed once that dataset is committed.
     */
    public static Path manifestOf(IngestContext context, Dataset dataset) {
        return context.staging().resolve(dataset.folder() + ".files");
    }

    @Override
    public void open(ExecutionContext ctx) {
        try {
            Folders.deleteTree(context.staging());
            for (Dataset d : datasets) {
                Path dir = Files.createDirectories(stagingOf(context, d));
                writers.put(d, new PartitionedParquetWriter(d, dir, context.unit()));
            }
            quarantine = new QuarantineWriter(context.quarantineFile());
            quarantine.resume(0);
        } catch (IOException e) {
            throw new ItemStreamException("cannot prepare staging folder " + context.staging(), e);
        }
    }

    @Override
    public void write(Chunk<? extends Outcome> chunk) throws IOException {
        for (Outcome o : chunk) {
            rows++;
            for (SpecificRecord r : o.accepted()) {
                Dataset d = datasetOf(r);
                // a partition rerun or backfill stages only the records of its partition
                if (!context.inScope(
                        String.valueOf(r.get(d.schema().getField("period").pos())),
                        String.valueOf(r.get(d.schema().getField("source_id").pos())))) {
                    outside++;
                    continue;
                }
                writers.get(d).write(r);
                stored.merge(d, 1L, Long::sum);
                accepted++;
            }
            for (Reject r : o.rejects()) {
                quarantine.write(r);
                rejected++;
                byRule.merge(r.rule().code(), 1L, Long::sum);
            }
        }
    }

    private Dataset datasetOf(SpecificRecord r) {
        for (Dataset d : datasets) {
            if (d.schema().getFullName().equals(r.getSchema().getFullName())) {
                return d;
            }
        }
        throw new IllegalStateException("a " + r.getSchema().getName() + " record is not one of " + datasets);
    }

    @Override
    public void update(ExecutionContext ctx) {
        Map<String, Long> storedByFolder = new java.util.LinkedHashMap<>();
        datasets.forEach(d -> storedByFolder.put(d.folder(), stored.getOrDefault(d, 0L)));
        new RunReport(
                        rows,
                        accepted,
                        rejected,
                        outside,
                        LakeStagingWriter.readAs(context.mapping().format()),
                        quarantine != null && quarantine.isOpen()
                                ? quarantine.file().toString()
                                : null,
                        byRule,
                        storedByFolder)
                .writeTo(ctx);
    }

    @Override
    public void close() {
        try {
            for (Map.Entry<Dataset, PartitionedParquetWriter> e : writers.entrySet()) {
                e.getValue().close();
                Path manifest = manifestOf(context, e.getKey());
                Path tmp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
                Files.write(
                        tmp, e.getValue().written().stream().map(Path::toString).toList());
                Files.move(
                        tmp,
                        manifest,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            writers.clear();
            if (quarantine != null) {
                quarantine.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot finish the staged Parquet files of " + context.file(), e);
        }
    }
}
