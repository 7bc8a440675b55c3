package org.mizan.jobs.ingest;

import org.mizan.normalise.Normaliser;
import org.mizan.normalise.Outcome;
import org.mizan.source.RawRecord;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Turns each raw record into its outcome: canonical records, or a reject with its rule. Never filters silently. */
public class NormaliseProcessor implements ItemProcessor<RawRecord, Outcome> {

    private final Normaliser normaliser;

    public NormaliseProcessor(Normaliser normaliser) {
        this.normaliser = normaliser;
    }

    @Override
    public Outcome process(RawRecord item) {
        return normaliser.normalise(item);
    }
}
