package org.mizan.jobs.ingest;

/**
 * The keys of an ingest step's last checkpoint in its execution context. Every {@link #EVERY_ROWS} rows the
 * staged Parquet files are finished and the quarantine flushed; the step's context then records the line read
 * up to, the counts, the quarantine's length and the finished files. A restart (after a failure or a kill)
 * deletes what was staged after that, truncates the quarantine, and resumes reading at that line: no row is
 * lost and none counted twice. The checkpoint is only saved once the chunk's transaction commits.
 */
final class Checkpoint {

    static final int EVERY_ROWS = 200_000;

    static final String LINE = "checkpoint.line";
    static final String SKIPPED = "checkpoint.skipped_lines";
    static final String ROWS = "checkpoint.rows";
    static final String ACCEPTED = "checkpoint.accepted";
    static final String REJECTED = "checkpoint.rejected";
    static final String OUTSIDE = "checkpoint.outside_partition";
    static final String RULE_PREFIX = "checkpoint.rule.";
    static final String QUARANTINE_BYTES = "checkpoint.quarantine_bytes";
    static final String FILES = "checkpoint.files";

    private Checkpoint() {
    }
}
