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
 *
 * <p>A test of loads side by side pauses one instead ({@code MIZAN_PAUSE_AT}, system property
 * {@code mizan.pause_at}; one more point, {@code staged:1}: every row staged, the commit to the lake not yet
 * begun): the first load to reach the point writes {@code MIZAN_HOME/pause-point} ("point n") and waits until
 * {@code MIZAN_HOME/pause-point.resume} exists, then goes on; a load reaching it later passes, as does any load once
 * the pause is over. So the other load runs at a moment the test knows, not at one the file's size makes likely.
 */
final class CrashPoint {

    private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);

    private CrashPoint() {}

    /**
     * Stops here, for good, when the crash test asked for this point of the n-th checkpoint; pauses here when a
     * test of concurrent loads asked for it and no load paused there yet.
     */
    static void reached(String point, int n, Path home) {
        pause(point, n, home);
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

    private static void pause(String point, int n, Path home) {
        String wanted = System.getProperty("mizan.pause_at", System.getenv("MIZAN_PAUSE_AT"));
        if (wanted == null || !wanted.strip().equals(point + ":" + n)) {
            return;
        }
        Path marker = home.resolve("pause-point");
        Path resume = home.resolve("pause-point.resume");
        try {
            Path tmp = Files.createTempFile(home, "pause-point", ".tmp");
            Files.writeString(tmp, point + " " + n + "\n");
            try {
                // a link fails where the name is taken (a rename would replace it): the one load whose link is made
                // first is the one that pauses, and the marker appears with its text whole
                Files.createLink(marker, tmp);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                return;
            } finally {
                Files.deleteIfExists(tmp);
            }
            LOG.warn("pause point {} of checkpoint {} reached (MIZAN_PAUSE_AT): waiting for {}", point, n, resume);
            try (java.nio.file.WatchService watcher = home.getFileSystem().newWatchService()) {
                home.register(watcher, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
                while (!Files.exists(resume)) {
                    watcher.take().reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused at " + point + ":" + n, e);
        }
    }
}
