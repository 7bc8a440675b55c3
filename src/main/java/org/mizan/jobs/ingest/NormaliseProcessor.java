package org.mizan.jobs.ingest;

import org.mizan.normalise.Normaliser;
import org.mizan.normalise.Outcome;
import org.mizan.source.RawRecord;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Turns each raw record into its outcome: canonical records, or a reject with its rule. Never filters silently.
 * Drops its normaliser when the step closes: the duplicate index of a large file is hundreds of megabytes that
 * the warehouse build, later in the same job, should not have to share the machine with.
 */
public class NormaliseProcessor implements ItemProcessor<RawRecord, Outcome>, ItemStream {

    private Normaliser normaliser;

    public NormaliseProcessor(Normaliser normaliser) {
        this.normaliser = normaliser;
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
