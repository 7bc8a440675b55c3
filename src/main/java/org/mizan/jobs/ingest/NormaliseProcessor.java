package org.mizan.jobs.ingest;

import org.mizan.normalise.Normaliser;
import org.mizan.normalise.Outcome;
import org.mizan.source.RawRecord;
import java.nio.file.Path;
import java.util.List;

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
    @Override
    public void open(ExecutionContext ctx) {
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
}
