package org.mizan.jobs.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.lake.PartitionedParquetWriter;

/**
 * Encodes Parquet on a second thread while the step reads and checks the next chunk: on two cores the two halves
 * of an ingest overlap. At most {@link #IN_FLIGHT} chunks wait, so memory stays bounded; the first failure of
 * the background thread is thrown on the step's next write or at close, so no chunk is ever lost silently.
 */
final class BackgroundLakeWriter implements Closeable {

    static final int IN_FLIGHT = 2;

    private final PartitionedParquetWriter writer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lake-writer");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Future<?>> pending = new ArrayDeque<>();

    BackgroundLakeWriter(PartitionedParquetWriter writer) {
        this.writer = writer;
    }

    void write(List<SpecificRecord> records) throws IOException {
        while (pending.size() >= IN_FLIGHT) {
            await(pending.removeFirst());
        }
        pending.addLast(thread.submit(() -> {
            for (SpecificRecord r : records) {
                writer.write(r);
            }
            return null;
        }));
    }

    /**
     * Waits for every chunk, then finishes the open files on the writer thread (a checkpoint): written and forced to
     * disk, {@code beforeRename} run, renamed ({@link PartitionedParquetWriter#flush(Runnable)}).
     */
    void flush(Runnable beforeRename) throws IOException {
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
        await(thread.submit(() -> {
            writer.flush(beforeRename);
            return null;
        }));
    }

    /** The files written so far, relative to the staging folder; call after {@link #flush()}. */
    List<java.nio.file.Path> written() {
        return List.copyOf(writer.written());
    }

    /** Waits for every chunk, then finishes the files on the writer thread. */
    @Override
    public void close() throws IOException {
        try {
            while (!pending.isEmpty()) {
                await(pending.removeFirst());
            }
            await(thread.submit(() -> {
                writer.close();
                return null;
            }));
        } finally {
            thread.shutdownNow();
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing Parquet", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("writing Parquet failed: " + cause.getMessage(), cause);
        }
    }
}
