package org.mizan.jobs.ingest;

import java.io.IOException;
import org.mizan.source.RawRecord;
import org.mizan.source.RecordSource;
import org.mizan.source.SourceFiles;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a delivered file record by record through its mapping. A restarted step skips, unparsed, the lines up
 * to the last checkpoint ({@link Checkpoint}), whose rows are already staged.
 */
public class SourceItemReader implements ItemStreamReader<RawRecord> {

    /** The line a restart resumed reading at, for the run summary. */
    public static final String RESUMED_AT = "resumed_at_line";
    /** Blank and footer lines, for the run summary. */
    public static final String SKIPPED_LINES = "skipped_lines";

    private final IngestContext context;
    private final IngestProgress progress;
    private RecordSource source;
    private long afterLine;
    private long lastLine = Long.MAX_VALUE;

    public SourceItemReader(IngestContext context, IngestProgress progress) {
        this.context = context;
        this.progress = progress;
    }

    /**
     * Limits the reading to the records that start on lines {@code afterLine + 1} to {@code lastLine} (a partition
     * of a large file, {@link IngestPartitions}): the lines before are skipped unparsed, the header still read.
     */
    public SourceItemReader range(long afterLine, long lastLine) {
        this.afterLine = afterLine;
        this.lastLine = lastLine;
        return this;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            // the first of the step's streams to open: the staging folder and the checkpoint agree before anyone reads
            Checkpoint.reconcile(executionContext, context.staging(), context.file());
            source = SourceFiles.open(context.file(), context.mapping());
            long resume = executionContext.getLong(Checkpoint.LINE, 0);
            if (resume > 0) {
                source.skipTo(resume, executionContext.getLong(Checkpoint.SKIPPED, 0));
                executionContext.putLong(RESUMED_AT, resume + 1);
            } else if (afterLine > 0) {
                source.skipTo(afterLine, 0);
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + context.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RawRecord read() throws IOException {
        RawRecord r = source.next();
        if (r != null && r.line() > lastLine) {
            return null;
        }
        if (r != null) {
            progress.read(r.line());
        }
        return r;
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(SKIPPED_LINES, source == null ? 0 : source.skippedLines());
    }

    /** Physical lines consumed so far: at a chunk boundary, where a restart would resume. */
    long linesConsumed() {
        return source.linesConsumed();
    }

    long skippedLines() {
        return source.skippedLines();
    }

    @Override
    public void close() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                throw new ItemStreamException(e);
            }
        }
    }
}
