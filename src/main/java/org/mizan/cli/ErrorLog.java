package org.mizan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.mizan.config.MizanHome;

/**
 * Where a failure's stack trace goes: appended to {@code MIZAN_HOME/logs/mizan.log} (the file the application's logging
 * writes), never to the terminal; the user reads one plain line on stderr naming this file.
 */
final class ErrorLog {

    private ErrorLog() {}

    /** The log file of the current home. */
    static Path file() {
        return MizanHome.fromEnvironment().root().resolve("logs").resolve("mizan.log");
    }

    /** Appends the failure with its stack trace to the log; returns the log's path (even when it could not be written). */
    static Path record(String what, Throwable t) {
        Path log = file();
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    OffsetDateTime.now(ZoneOffset.UTC) + " ERROR mizan: " + what + System.lineSeparator() + trace,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the one line on stderr still names where the log would be; the failure itself is what matters
        }
        return log;
    }
}
