package org.mizan.jobs.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.mizan.csv.CsvWriter;
import org.mizan.normalise.Reject;

/**
 * The quarantine file of one load: every rejected row with its file, line, rule, message and raw text (CSV written
 * verbatim by {@link CsvWriter}: Mizan reads it back, and {@code mizan rejects --format csv} gives it guarded).
 */
final class QuarantineWriter implements Closeable {

    static final List<String> COLUMNS = List.of("source_file", "line", "rule", "message", "raw");
    static final String HEADER = String.join(",", COLUMNS);

    private final Path file;
    private CsvWriter out;

    QuarantineWriter(Path file) {
        this.file = file;
    }

    /** Resumes a quarantine file a restart continues, cut back to its length at the checkpoint. */
    void resume(long bytes) throws IOException {
        if (bytes > 0 && Files.exists(file)) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(bytes);
            }
            out = CsvWriter.verbatim(CsvWriter.file(file, StandardOpenOption.APPEND));
        } else {
            Files.deleteIfExists(file);
        }
    }

    /** Flushes, and returns the file's length: what a checkpoint keeps. */
    long flush() throws IOException {
        if (out == null) {
            return 0;
        }
        out.flush();
        return Files.size(file);
    }

    void write(Reject r) throws IOException {
        if (out == null) {
            Files.createDirectories(file.getParent());
            out = CsvWriter.verbatim(CsvWriter.file(file));
            out.row(COLUMNS);
        }
        row(out, r.file(), r.line(), r.rule().code(), r.message(), r.raw());
    }

    /** One rejected row as the quarantine holds it (a merged partitioned run's quarantine writes the same). */
    static void row(CsvWriter out, String file, long line, String rule, String message, String raw) throws IOException {
        out.row(file, line, rule, message, raw);
    }

    boolean isOpen() {
        return out != null;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
