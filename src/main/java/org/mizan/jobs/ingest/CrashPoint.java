package org.mizan.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The points of an ingest's checkpoint protocol at which a crash test stops the process and kills it: the staged
 * files {@code written} (finished and forced to disk under their temporary names), {@code renamed} (under their
 * own names, the checkpoint not yet in the job repository), {@code recorded} (committed in the job repository),
 * and the load {@code published} (moved into the lake, the publish step not yet recorded). Only when the
 * environment's {@code MIZAN_CRASH_AT} (or the system property {@code mizan.crash_at}) names one, as
 * {@code point:n} (the n-th checkpoint; {@code published:1}), does the process stop there: it writes
 * {@code MIZAN_HOME/crash-point} ("point n") and waits to be killed. Otherwise a point does nothing.
 */
final class CrashPoint {

    private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);

    private CrashPoint() {}

    /** Stops here, for good, when the crash test asked for this point of the n-th checkpoint. */
    static void reached(String point, int n, Path home) {
        String wanted = System.getProperty("mizan.crash_at", System.getenv("MIZAN_CRASH_AT"));
        if (wanted == null || !wanted.strip().equals(point + ":" + n)) {
            return;
        }
        LOG.warn("crash point {} of checkpoint {} reached (MIZAN_CRASH_AT): waiting to be killed", point, n);
        try {
            Path tmp = home.resolve("crash-point.tmp");
            Files.writeString(tmp, point + " " + n + "\n");
            Files.move(tmp, home.resolve("crash-point"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object never = new Object();
        synchronized (never) {
            while (true) {
                try {
                    never.wait();
                } catch (InterruptedException e) {
                    // a kill is what ends this; an interrupt does not
                }
            }
        }
    }
}
