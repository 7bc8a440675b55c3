package org.mizan.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The keys of an ingest step's last checkpoint in its execution context. Every {@link #EVERY_ROWS} rows the
 * staged Parquet files are finished and the quarantine flushed; the step's context then records the line read
 * up to, the counts, the quarantine's length and the finished files. A restart (after a failure or a kill)
 * deletes what was staged after that, truncates the quarantine, and resumes reading at that line: no row is
 * lost and none counted twice. The checkpoint is only saved once the chunk's transaction commits.
 * <p>
 * The protocol, in this order: the staged files are written (finished and forced to disk under temporary names),
 * renamed to their own names (and their folders forced to disk), then recorded (the step's context committed in
 * the job repository: the H2 file repository is opened with {@code WRITE_DELAY=0}, so that a commit survives a
 * kill). A restart first {@link #reconcile reconciles} the staging folder with the recorded checkpoint, whatever
 * point a kill cut: files staged after it (named or temporary) are removed, and a recorded checkpoint whose file is
 * missing makes the file start over from its first line.
 */
final class Checkpoint {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);

    /** Rows between checkpoints: 200,000, or {@code MIZAN_CHECKPOINT_ROWS} (system property {@code mizan.checkpoint_rows}). */
    static final int EVERY_ROWS = Integer.parseInt(
            System.getProperty("mizan.checkpoint_rows", System.getenv().getOrDefault("MIZAN_CHECKPOINT_ROWS", "200000"))
                    .strip());

    static final String LINE = "checkpoint.line";
    static final String SKIPPED = "checkpoint.skipped_lines";
    static final String ROWS = "checkpoint.rows";
    static final String ACCEPTED = "checkpoint.accepted";
    static final String REJECTED = "checkpoint.rejected";
    static final String OUTSIDE = "checkpoint.outside_partition";
    static final String RULE_PREFIX = "checkpoint.rule.";
    static final String QUARANTINE_BYTES = "checkpoint.quarantine_bytes";
    static final String FILES = "checkpoint.files";

    private Checkpoint() {}

    /**
     * Makes the staging folder what the recorded checkpoint says, before anything reads either: every staged file
     * the checkpoint does not name is removed (written after it, or still temporary); when a file it names is
     * missing, the checkpoint is dropped from {@code ctx} and the folder emptied, so the file is read again from its
     * first line (the rows are staged again, none lost or counted twice). Without a checkpoint the folder is emptied.
     */
    static void reconcile(ExecutionContext ctx, Path staging, Path file) throws IOException {
        if (!ctx.containsKey(LINE)) {
            emptied(staging);
            return;
        }
        List<Path> named = LakeStagingWriter.files(ctx.getString(FILES, ""));
        List<Path> missing = named.stream()
                .filter(p -> !Files.isRegularFile(staging.resolve(p)))
                .toList();
        if (!missing.isEmpty()) {
            LOG.warn(
                    "{}: the checkpoint at line {} names {} staged file(s) that are missing (the first: {}): the file is read again"
                            + " from its first line",
                    file.getFileName(),
                    ctx.get(LINE),
                    missing.size(),
                    staging.resolve(missing.get(0)));
            for (String key :
                    ctx.entrySet().stream().map(java.util.Map.Entry::getKey).toList()) {
                if (key.startsWith("checkpoint.")) {
                    ctx.remove(key);
                }
            }
            emptied(staging);
            return;
        }
        Set<Path> kept = new HashSet<>();
        named.forEach(p -> kept.add(staging.resolve(p)));
        Files.createDirectories(staging);
        try (Stream<Path> s = Files.walk(staging)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (!kept.contains(p)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Empties the staging folder, keeping the folder itself: every stream of the step reconciles on open, and a folder
     * that vanished between two of them would look to a watcher like no load at all.
     */
    private static void emptied(Path staging) throws IOException {
        Files.createDirectories(staging);
        try (Stream<Path> s = Files.walk(staging)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(staging)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
