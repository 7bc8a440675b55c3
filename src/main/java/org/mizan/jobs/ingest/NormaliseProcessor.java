package org.mizan.jobs.ingest;

import java.nio.file.Path;
import java.util.List;
import org.mizan.normalise.Normaliser;
import org.mizan.normalise.Outcome;
import org.mizan.source.RawRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Turns each raw record into its outcome: canonical records, or a reject with its rule. Never filters silently.
 * Drops its normaliser when the step closes: the duplicate index of a large file is hundreds of megabytes that
 * the warehouse build, later in the same job, should not have to share the machine with.
 */
public class NormaliseProcessor implements ItemProcessor<RawRecord, Outcome>, ItemStream {

    private Normaliser normaliser;
    private final IngestContext context;

    public NormaliseProcessor(Normaliser normaliser, IngestContext context) {
        this.normaliser = normaliser;
        this.context = context;
    }

    /** On a restart, the checks that remember rows (duplicates within the file) learn the rows already staged. */
    /** Accepted gazetteer units per level ({@code 0=1,1=17,…}), for the run summary. */
    public static final String UNITS_PER_LEVEL = "units_per_level";

    @Override
    public void update(ExecutionContext ctx) {
        if (normaliser instanceof org.mizan.normalise.AdminUnitNormaliser units) {
            ctx.putString(UNITS_PER_LEVEL, units.unitsPerLevel());
        }
    }

    @Override
    public void open(ExecutionContext ctx) {
        // whichever of the step's streams opens first makes the staging folder and the checkpoint agree
        // (Checkpoint.reconcile is idempotent): a checkpoint naming a missing staged file is dropped before it is read
        try {
            Checkpoint.reconcile(ctx, context.staging(), context.file());
        } catch (java.io.IOException e) {
            throw new org.springframework.batch.infrastructure.item.ItemStreamException(
                    "cannot reconcile the staging folder " + context.staging() + " with the checkpoint", e);
        }
        if (normaliser instanceof org.mizan.normalise.AdminUnitNormaliser units && ctx.containsKey(UNITS_PER_LEVEL)) {
            units.unitsPerLevel(ctx.getString(UNITS_PER_LEVEL));
        }
        List<Path> finished = LakeStagingWriter.files(ctx.getString(Checkpoint.FILES, ""));
        if (!finished.isEmpty()) {
            normaliser.resume(finished.stream().map(context.staging()::resolve).toList());
            // rows staged before the cut were checked against an older view of the lake: check them all at publish
            context.keysSnapshot(0);
        }
    }

    @Override
    public Outcome process(RawRecord item) {
        return normaliser.normalise(item);
    }

    @Override
    public void close() {
        normaliser = null;
    }

    /** {@code 0=1,1=17} as {@code 0 country 1, 1 region 17}, with the mapping's level names when it has them. */
    public static String levels(String saved, String mapping) {
        java.util.List<String> names;
        try {
            names = org.mizan.source.MappingLoader.load(mapping).levelNames();
        } catch (RuntimeException e) {
            names = java.util.List.of();
        }
        StringBuilder out = new StringBuilder();
        for (String part : saved.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            int level = Integer.parseInt(kv[0]);
            out.append(out.isEmpty() ? "" : ", ")
                    .append(level)
                    .append(level < names.size() ? " " + names.get(level) : "")
                    .append(' ')
                    .append(kv[1]);
        }
        return out.isEmpty() ? "none" : out.toString();
    }
}
