package org.mizan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for a state a test needs (a file written, a directory created, a row in a database) on the event itself:
 * a file-system event wakes the wait, a probe runs as soon as the previous one answered no. The only limit is
 * {@link #HANG}, which guards against a hang and is never what a passing test waits for, on any machine.
 */
public final class Await {

    /** Far longer than any state takes to appear on a loaded machine: reached only when something hangs. */
    public static final Duration HANG = Duration.ofMinutes(10);

    private Await() {}

    /**
     * Returns once {@code condition} holds, re-checking it on every change under {@code dir} (created if missing):
     * a file or directory created, written or removed there.
     */
    public static void onChangeIn(Path dir, String what, BooleanSupplier condition) {
        try {
            Files.createDirectories(dir);
            try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
                dir.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                long until = System.nanoTime() + HANG.toNanos();
                // checked after registering, so that a change between the check and the wait is not missed
                while (!condition.getAsBoolean()) {
                    long left = until - System.nanoTime();
                    WatchKey key = left <= 0 ? null : watcher.poll(left, TimeUnit.NANOSECONDS);
                    if (key == null) {
                        throw new AssertionError("hung: " + what + " did not happen within " + HANG + " (" + dir + ")");
                    }
                    key.pollEvents();
                    key.reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting until " + what, e);
        }
    }

    /**
     * Returns once {@code probe} answers yes, asking again every {@code PROBE_EVERY} (for a state no event in this
     * process announces, such as a row in a database): the interval only spaces the questions, it is never what the
     * test waits for.
     */
    public static void probe(String what, BooleanSupplier probe) {
        long until = System.nanoTime() + HANG.toNanos();
        while (!probe.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("hung: " + what + " did not happen within " + HANG);
            }
            try {
                Thread.sleep(PROBE_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }

    private static final Duration PROBE_EVERY = Duration.ofMillis(50);
}
