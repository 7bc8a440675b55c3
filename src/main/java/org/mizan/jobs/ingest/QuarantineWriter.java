package org.mizan.jobs.ingest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mizan.normalise.Reject;

/** The quarantine file of one load: every rejected row with its file, line, rule, message and raw text (CSV). */
final class QuarantineWriter implements Closeable {

    static final String HEADER = "source_file,line,rule,message,raw";

    private final Path file;
    private BufferedWriter out;

    QuarantineWriter(Path file) {
        this.file = file;
    }

    /** Resumes a quarantine file a restart continues, cut back to its length at the checkpoint. */
    void resume(long bytes) throws IOException {
        if (bytes > 0 && Files.exists(file)) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(bytes);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
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
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.newLine();
        }
        out.write(csv(r.file()) + "," + r.line() + "," + r.rule().code() + "," + csv(r.message()) + "," + csv(r.raw()));
        out.newLine();
    }

    boolean isOpen() {
        return out != null;
    }

    Path file() {
        return file;
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
