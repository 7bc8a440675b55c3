package org.mizan.jobs.ledgers;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a file item by item for the ingest step through a streaming reader, opened when the step opens and closed
 * when it closes (a rerun reads the file again from the start).
 *
 * @param <R> the streaming reader ({@code IatiActivityReader}, {@code CodeListReader})
 * @param <T> the item
 */
final class FileItemReader<R extends Closeable, T> implements ItemStreamReader<T> {

    /** Opens the streaming reader on the file. */
    interface Opener<R> {
        R open(Path file) throws IOException;
    }

    /** The next item the streaming reader gives, or null at the end. */
    interface Next<R, T> {
        T next(R reader) throws IOException;
    }

    private final Path file;
    private final Opener<R> opener;
    private final Next<R, T> next;
    private R reader;

    FileItemReader(Path file, Opener<R> opener, Next<R, T> next) {
        this.file = file;
        this.opener = opener;
        this.next = next;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            reader = opener.open(file);
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T read() throws IOException {
        return next.next(reader);
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
