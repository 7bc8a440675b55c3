package org.mizan.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.lake.PartitionedParquetWriter;
import org.mizan.normalise.Outcome;
import org.mizan.normalise.Reject;
import org.mizan.steward.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes accepted records to the load's staging partitions and rejects to its quarantine file, and keeps the
 * counts by rule in the step's context for the summary ({@link RunReport}), with a {@link Checkpoint} every so many rows for a
 * restart. Nothing here is visible in the lake until the publish step.
 */
public class LakeStagingWriter implements ItemStreamWriter<Outcome> {

    private static final Logger LOG = LoggerFactory.getLogger(LakeStagingWriter.class);

    private final IngestContext context;
    private final SourceItemReader reader;
    private BackgroundLakeWriter lake;
    private QuarantineWriter quarantine;
    private final Map<String, Long> byRule = new TreeMap<>();
    private long accepted;
    private long rejected;
    private long rows;
    private long outside;
    private long rowsAtCheckpoint;
    /** The line of a checkpoint whose chunk has not yet committed: logged as recorded by the next write. */
    private Object unannounced;
    /** The last checkpoint's values, written into every update until the next one. */
    private final Map<String, Object> checkpoint = new TreeMap<>();
    /** Checkpoints taken by this run and its restarts, for the crash test's points ({@link CrashPoint}). */
    private int checkpoints;

    private static final String CHECKPOINTS = "checkpoint.count";

    private final int periodField;
    private final int sourceField;

    public LakeStagingWriter(IngestContext context, SourceItemReader reader) {
        this.context = context;
        this.reader = reader;
        this.periodField = context.dataset().schema().getField("period").pos();
        this.sourceField = context.dataset().schema().getField("source_id").pos();
    }

    @Override
    public void open(ExecutionContext ctx) {
        try {
            // whichever of the step's streams opens first reconciles (idempotent): see NormaliseProcessor.open
            Checkpoint.reconcile(ctx, context.staging(), context.file());
            PartitionedParquetWriter parquet =
                    new PartitionedParquetWriter(context.dataset(), context.staging(), context.unit());
            quarantine = new QuarantineWriter(context.quarantineFile());
            if (ctx.containsKey(Checkpoint.LINE)) {
                // a restart: keep what the last checkpoint finished, drop what was staged after it
                // (the reader, opened first, reconciled the staging folder with it: Checkpoint.reconcile)
                List<Path> finished = files(ctx.getString(Checkpoint.FILES, ""));
                parquet.resumeAfter(finished);
                quarantine.resume(ctx.getLong(Checkpoint.QUARANTINE_BYTES, 0));
                rows = ctx.getLong(Checkpoint.ROWS);
                accepted = ctx.getLong(Checkpoint.ACCEPTED);
                outside = ctx.getLong(Checkpoint.OUTSIDE, 0);
                rejected = ctx.getLong(Checkpoint.REJECTED);
                for (Map.Entry<String, Object> e : ctx.entrySet()) {
                    if (e.getKey().startsWith(Checkpoint.RULE_PREFIX)) {
                        byRule.put(e.getKey().substring(Checkpoint.RULE_PREFIX.length()), (Long) e.getValue());
                    }
                }
                for (Map.Entry<String, Object> e : ctx.entrySet()) {
                    if (e.getKey().startsWith("checkpoint.")) {
                        checkpoint.put(e.getKey(), e.getValue());
                    }
                }
                rowsAtCheckpoint = rows;
                checkpoints = ctx.containsKey(CHECKPOINTS) ? ((Number) ctx.get(CHECKPOINTS)).intValue() : 0;
            } else {
                Files.createDirectories(context.staging());
                quarantine.resume(0);
            }
            lake = new BackgroundLakeWriter(parquet);
        } catch (IOException e) {
            throw new ItemStreamException("cannot prepare staging folder " + context.staging(), e);
        }
    }

    @Override
    public void write(Chunk<? extends Outcome> chunk) throws IOException {
        if (unannounced != null) {
            // the chunk that took the checkpoint has committed (this is the next one): a restart resumes there now
            LOG.info("{}: checkpoint at line {} recorded", context.file().getFileName(), unannounced);
            unannounced = null;
            CrashPoint.reached("recorded", checkpoints, context.home().root());
        }
        List<SpecificRecord> records = new ArrayList<>(chunk.size());
        // once a chunk: the context is a job-scoped proxy, and each call on it looks the bean up in the scope
        boolean wholeFile = context.partition() == null;
        for (Outcome o : chunk) {
            rows++;
            if (wholeFile) {
                records.addAll(o.accepted());
            } else {
                for (SpecificRecord r : o.accepted()) {
                    if (context.inScope(String.valueOf(r.get(periodField)), String.valueOf(r.get(sourceField)))) {
                        records.add(r);
                    } else {
                        outside++;
                    }
                }
            }
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
        if (rows - rowsAtCheckpoint >= Checkpoint.EVERY_ROWS) {
            checkpoint();
        }
        new RunReport(
                        rows,
                        accepted,
                        rejected,
                        outside,
                        readAs(context.mapping().format()),
                        quarantine != null && quarantine.isOpen()
                                ? quarantine.file().toString()
                                : null,
                        byRule,
                        Map.of(context.dataset().folder(), accepted))
                .writeTo(ctx);
        checkpoint.forEach(ctx::put);
    }

    /** Finishes the staged files and flushes the quarantine, then records where a restart would resume. */
    private void checkpoint() {
        try {
            long quarantineBytes = quarantine.flush();
            int n = checkpoints + 1;
            // the home is read here: the files are finished on the writer thread, where the job scope is not known
            Path home = context.home().root();
            lake.flush(() -> CrashPoint.reached("written", n, home));
            checkpoint.clear();
            checkpoint.put(Checkpoint.LINE, reader.linesConsumed());
            checkpoint.put(Checkpoint.SKIPPED, reader.skippedLines());
            checkpoint.put(Checkpoint.ROWS, rows);
            checkpoint.put(Checkpoint.ACCEPTED, accepted);
            checkpoint.put(Checkpoint.OUTSIDE, outside);
            checkpoint.put(Checkpoint.REJECTED, rejected);
            checkpoint.put(Checkpoint.QUARANTINE_BYTES, quarantineBytes);
            checkpoint.put(
                    Checkpoint.FILES,
                    String.join(
                            "\n", lake.written().stream().map(Path::toString).toList()));
            byRule.forEach((rule, k) -> checkpoint.put(Checkpoint.RULE_PREFIX + rule, k));
            checkpoints = n;
            checkpoint.put(CHECKPOINTS, n);
            rowsAtCheckpoint = rows;
            LOG.info(
                    "{}: checkpoint at line {} ({} rows): staged files written and renamed",
                    context.file().getFileName(),
                    checkpoint.get(Checkpoint.LINE),
                    rows);
            unannounced = checkpoint.get(Checkpoint.LINE);
            CrashPoint.reached("renamed", n, context.home().root());
        } catch (IOException e) {
            throw new ItemStreamException(
                    "cannot finish the staged files of " + context.file() + " at a checkpoint", e);
        }
    }

    @Override
    public void close() {
        try {
            if (lake != null) {
                BackgroundLakeWriter l = lake;
                lake = null;
                l.close();
            }
            if (quarantine != null) {
                quarantine.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot finish the staged Parquet files of " + context.file(), e);
        }
    }

    /** The word for a source's items: a CSV's data lines, a workbook's rows, JSON Lines' records, IATI's activities. */
    public static String readAs(String format) {
        return switch (format == null ? "" : format) {
            case "xlsx" -> "rows";
            case "jsonl" -> "records";
            case "iati_xml" -> "activities";
            case "iati_codelist" -> "codes";
            default -> "lines";
        };
    }

    static List<Path> files(String list) {
        return list.isEmpty()
                ? List.of()
                : Arrays.stream(list.split("\n")).map(Path::of).toList();
    }
}
