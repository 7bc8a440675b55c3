package org.mizan.jobs.ingest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mizan.normalise.Reject;

/** The quarantine file of one load: every rejected row with its file, line, rule, message and raw text (CSV). */
final class QuarantineWriter implements Closeable {

    static final String HEADER = "source_file,line,rule,message,raw";

    private final Path file;
    private BufferedWriter out;

    QuarantineWriter(Path file) {
        this.file = file;
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
