package org.mizan.normalise;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** What one source row became: canonical records (a wide row gives several) and rejects. */
public record Outcome(List<? extends SpecificRecord> accepted, List<Reject> rejects) {

    public static Outcome of(SpecificRecord record) {
        return new Outcome(List.of(record), List.of());
    }

    public static Outcome rejected(Reject reject) {
        return new Outcome(List.of(), List.of(reject));
    }
}
