package org.mizan.jobs.ledgers;

import java.io.IOException;
import java.nio.file.Path;
import org.mizan.source.iati.IatiActivity;
import org.mizan.source.iati.IatiActivityReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Reads an IATI activity file activity by activity for the ingest step (a rerun reads it again from the start). */
final class IatiItemReader implements ItemStreamReader<IatiActivity> {

    private final Path file;
    private IatiActivityReader reader;

    IatiItemReader(Path file) {
        this.file = file;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            reader = new IatiActivityReader(file);
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public IatiActivity read() throws IOException {
        return reader.next();
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new ItemStreamException(e);
            }
        }
    }
}
