package org.mizan.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.mizan.config.MizanHome;

/**
 * {@code MIZAN_HOME/logs/schedule.log}: one line per fired trigger (when, which schedule, the slot it was due
 * for, the scheduler instance that fired it, what it did), tab-separated, appended by every {@code serve} process.
 */
public final class FireLog {

    private FireLog() {}

    public static Path file(MizanHome home) {
        return home.logs().resolve("schedule.log");
    }

    static void append(MizanHome home, String key, Instant due, String instance, String outcome) {
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\t" + key + "\tdue "
                + (due == null ? "-" : due.truncatedTo(ChronoUnit.SECONDS)) + "\t" + instance + "\t"
                + outcome.replace('\n', ' ') + "\n";
        try {
            Files.writeString(file(home), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(home), e);
        }
    }

    /** The fire lines of one schedule, oldest first. */
    public static List<String> fires(MizanHome home, String key) {
        List<String> out = new ArrayList<>();
        Path f = file(home);
        if (!Files.exists(f)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(f)) {
                String[] cols = line.split("\t");
                if (cols.length > 1 && cols[1].equals(key)) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
