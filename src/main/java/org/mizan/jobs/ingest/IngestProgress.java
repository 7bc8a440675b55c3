package org.mizan.jobs.ingest;

import java.io.PrintStream;

/** Prints a progress line to stderr every few seconds of a long read, so a steward sees the load move. */
public final class IngestProgress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String file;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long last = started;
    private long records;

    public IngestProgress(String file, PrintStream out) {
        this.file = file;
        this.out = out;
    }

    void read(long line) {
        records++;
        if ((records & 0xFFFF) == 0) {
            long now = System.nanoTime();
            if (now - last >= EVERY_NANOS) {
                last = now;
                double s = (now - started) / 1e9;
                out.printf(
                        "  %s: %,d records read (line %,d), %.0f s, %,.0f records/s%n",
                        file, records, line, s, records / s);
            }
        }
    }
}
