package org.mizan.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * One loading process per home at a time: {@code run}, {@code rerun} and {@code backfill} take this lock (a file
 * lock on {@code MIZAN_HOME/.load.lock}) before they start the application, and a second process waits, saying
 * for which run, until the first one ends. Within one process (the scheduler of {@code serve}, tests) loads share
 * the lock: they already run safely side by side (one job repository connection pool, the lake's own lock).
 * The embedded job repository is an H2 file that one process owns; a process that opened it through another
 * one's server loses its connections when that process exits, so two loading processes must not overlap.
 */
public final class HomeLock implements AutoCloseable {

    private static final Map<Path, Held> HELD = new HashMap<>();

    private record Held(FileChannel channel, FileLock lock, int users) {}

    private final Path file;

    private HomeLock(Path file) {
        this.file = file;
    }

    /** Takes the home's lock, waiting (and saying so on {@code err}) while another process holds it. */
    public static HomeLock acquire(MizanHome home, String what, PrintWriter err) {
        try {
            Files.createDirectories(home.root());
            Path file = home.root().resolve(".load.lock").toAbsolutePath().normalize();
            synchronized (HELD) {
                Held held = HELD.get(file);
                if (held != null) {
                    HELD.put(file, new Held(held.channel(), held.lock(), held.users() + 1));
                    return new HomeLock(file);
                }
            }
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                err.println("mizan: waiting for " + holder(file) + " to finish: one load at a time on " + home.root());
                err.flush();
                lock = channel.lock();
            }
            synchronized (HELD) {
                HELD.put(file, new Held(channel, lock, 1));
            }
            describe(file, "process " + ProcessHandle.current().pid() + " (" + what + ")");
            return new HomeLock(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lock of " + home.root(), e);
        }
    }

    /** Says which run this process is on, for a process that waits (when this process holds the lock). */
    public static void note(MizanHome home, String run) {
        Path file = home.root().resolve(".load.lock").toAbsolutePath().normalize();
        synchronized (HELD) {
            if (!HELD.containsKey(file)) {
                return;
            }
        }
        describe(file, run + " (process " + ProcessHandle.current().pid() + ")");
    }

    private static void describe(Path lock, String text) {
        try {
            // written aside and renamed, so that a waiting process never reads it half-written (or empty)
            Path holder = lock.resolveSibling(".load.lock.holder");
            Path tmp = lock.resolveSibling(
                    ".load.lock.holder." + ProcessHandle.current().pid());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    holder,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // only the waiting process's message is poorer for it
        }
    }

    private static String holder(Path lock) {
        try {
            String text = Files.readString(lock.resolveSibling(".load.lock.holder"), StandardCharsets.UTF_8)
                    .strip();
            return text.isEmpty() ? "another Mizan process" : text;
        } catch (IOException e) {
            return "another Mizan process";
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            Held held = HELD.get(file);
            if (held == null) {
                return;
            }
            if (held.users() > 1) {
                HELD.put(file, new Held(held.channel(), held.lock(), held.users() - 1));
                return;
            }
            HELD.remove(file);
            try {
                // no description outlives its holder: a process that finds the lock taken before the next holder has
                // described itself says "another Mizan process" rather than naming a run that has ended
                Files.deleteIfExists(file.resolveSibling(".load.lock.holder"));
                held.lock().release();
                held.channel().close();
            } catch (IOException ignored) {
                // closing the channel (or the process ending) releases the lock in any case
            }
        }
    }
}
