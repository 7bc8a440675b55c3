package org.mizan.jobs.ingest;

import java.io.IOException;

import org.mizan.source.RawRecord;
import org.mizan.source.RecordSource;
import org.mizan.source.SourceFiles;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a delivered file record by record through its mapping. A restarted step reads the file again from the
 * top: the writer rebuilds the whole unit of load, so a restart can neither skip nor double a row.
 */
public class SourceItemReader implements ItemStreamReader<RawRecord> {

    private final IngestContext context;
    private final IngestProgress progress;
    private RecordSource source;

    public SourceItemReader(IngestContext context, IngestProgress progress) {
        this.context = context;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            source = SourceFiles.open(context.file(), context.mapping());
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + context.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RawRecord read() throws IOException {
        RawRecord r = source.next();
        if (r != null) {
            progress.read(r.line());
        }
        return r;
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong("skipped_lines", source == null ? 0 : source.skippedLines());
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
