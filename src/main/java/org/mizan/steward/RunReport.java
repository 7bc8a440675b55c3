package org.mizan.steward;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mizan.lake.Dataset;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a load's ingest step reports for the steward, kept in the step's execution context: the source rows read, the
 * records accepted (and stored per dataset), rejected (and by rule), left out as other partitions', what the source's
 * items are called, and the quarantine file. The keys are written and read here only: the staging writers and the
 * partitioned run's join write a report, the run summary, history, show, rejects, status and prune read it.
 *
 * @param sourceRows the source items read; null when the step reported none (the step's read count stands in)
 * @param readAs lines, rows, records, activities or codes; null when not reported (lines)
 * @param quarantine the quarantine file, or null when nothing was rejected
 * @param rejectsByRule rejected rows by rule code, rules in alphabetical order
 * @param stored records stored per dataset folder, in {@link Dataset} order
 */
public record RunReport(
        Long sourceRows,
        long accepted,
        long rejected,
        long outsidePartition,
        String readAs,
        String quarantine,
        Map<String, Long> rejectsByRule,
        Map<String, Long> stored) {

    /** The name of the step whose context holds the report. */
    public static final String INGEST_STEP = "ingest";

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String SOURCE_ROWS = "source_rows";
    public static final String RULE_PREFIX = "rule.";
    public static final String QUARANTINE = "quarantine";
    /** Accepted rows of other partitions than the one a partition rerun is limited to: read, checked, not staged. */
    public static final String OUTSIDE_PARTITION = "outside_partition";
    /** Records stored per dataset: {@code stored.<dataset>}, for the run summary. */
    public static final String STORED_PREFIX = "stored.";
    /**
     * Records an earlier load of the same file had per dataset, replaced by this one: {@code replaced.<dataset>}, in
     * the publish step's context (see {@link #replaced}).
     */
    public static final String REPLACED_PREFIX = "replaced.";
    /** What the source's items are, in a steward's word: lines, rows, records, activities, codes. */
    public static final String READ_AS = "read_as";

    /** A step that reported nothing. */
    public static final RunReport NONE = new RunReport(null, 0, 0, 0, null, null, Map.of(), Map.of());

    public RunReport {
        rejectsByRule = Collections.unmodifiableMap(new TreeMap<>(rejectsByRule));
        stored = Collections.unmodifiableMap(new LinkedHashMap<>(stored));
    }

    /** The report in a step's context (values absent are 0, null or empty). */
    public static RunReport read(Map<String, Object> ctx) {
        return new RunReport(
                ctx.get(SOURCE_ROWS) instanceof Number n ? n.longValue() : null,
                number(ctx, ACCEPTED),
                number(ctx, REJECTED),
                number(ctx, OUTSIDE_PARTITION),
                ctx.get(READ_AS) instanceof String s ? s : null,
                ctx.get(QUARANTINE) instanceof String s ? s : null,
                rejectsByRule(ctx),
                perDataset(ctx, STORED_PREFIX));
    }

    /** The report of an execution's ingest step; {@link #NONE} when it has no such step. */
    public static RunReport of(JobExecution execution) {
        return ingestStep(execution)
                .map(s -> read(s.getExecutionContext().toMap()))
                .orElse(NONE);
    }

    /** The execution's ingest step, whose context holds the report. */
    public static Optional<StepExecution> ingestStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(s -> INGEST_STEP.equals(s.getStepName()))
                .findFirst();
    }

    /**
     * Writes the report into a step's context: every count, the datasets stored, the rules; the rows outside the
     * partition only when there are some, what the items are and the quarantine only when known.
     */
    public void writeTo(ExecutionContext ctx) {
        ctx.putLong(ACCEPTED, accepted);
        ctx.putLong(REJECTED, rejected);
        if (sourceRows != null) {
            ctx.putLong(SOURCE_ROWS, sourceRows);
        }
        if (outsidePartition > 0) {
            ctx.putLong(OUTSIDE_PARTITION, outsidePartition);
        }
        stored.forEach((dataset, n) -> ctx.putLong(STORED_PREFIX + dataset, n));
        if (readAs != null) {
            ctx.putString(READ_AS, readAs);
        }
        rejectsByRule.forEach((rule, n) -> ctx.putLong(RULE_PREFIX + rule, n));
        if (quarantine != null) {
            ctx.putString(QUARANTINE, quarantine);
        }
    }

    /** Records of an earlier load of the same file, replaced, per dataset: from the publish step's context. */
    public static Map<String, Long> replaced(Map<String, Object> publishContext) {
        return perDataset(publishContext, REPLACED_PREFIX);
    }

    /** Writes into the publish step's context that this load replaced {@code n} records of {@code dataset}. */
    public static void putReplaced(ExecutionContext publishContext, Dataset dataset, long n) {
        publishContext.putLong(REPLACED_PREFIX + dataset.folder(), n);
    }

    /** The records per dataset under a prefix ({@link #STORED_PREFIX} or {@link #REPLACED_PREFIX}), in dataset order. */
    private static Map<String, Long> perDataset(Map<String, Object> ctx, String prefix) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Dataset d : Dataset.values()) {
            if (ctx.get(prefix + d.folder()) instanceof Number n) {
                out.put(d.folder(), n.longValue());
            }
        }
        return out;
    }

    /** The rejected rows by rule, from an ingest step's context, rules in alphabetical order. */
    public static Map<String, Long> rejectsByRule(Map<String, Object> ctx) {
        Map<String, Long> out = new TreeMap<>();
        ctx.forEach((k, v) -> {
            if (k.startsWith(RULE_PREFIX)) {
                out.put(k.substring(RULE_PREFIX.length()), ((Number) v).longValue());
            }
        });
        return out;
    }

    private static long number(Map<String, Object> ctx, String key) {
        return ctx.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
