package org.mizan.normalise;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.source.Mapping;
import org.mizan.source.RawRecord;
import org.mizan.source.derive.ValueRejected;

/**
 * Checks one raw record and turns it into canonical Avro records. Subclasses throw {@link RowRejected} at the
 * first rule a row breaks; this turns that, and a malformed line, into a quarantined reject.
 */
public abstract class Normaliser {

    private final ValueRanges ranges = new ValueRanges();

    public final Outcome normalise(RawRecord r) {
        if (r.malformed() != null) {
            return Outcome.rejected(
                    new Reject(r.file(), r.line(), Rule.MALFORMED_LINE, "line " + r.malformed(), r.quarantineRaw()));
        }
        if (r.mapping().unpivot() != null && !readsWideRows()) {
            // a wide row is one record per wide cell, each checked (and rejected) on its own, naming its column
            List<SpecificRecord> records = new java.util.ArrayList<>();
            List<Reject> rejects = new java.util.ArrayList<>();
            for (RawRecord cell : r.unpivot()) {
                Outcome o = one(
                        cell,
                        r.mapping().unpivot().keyField() + " '"
                                + cell.get(r.mapping().unpivot().keyField()) + "': ");
                records.addAll(o.accepted());
                rejects.addAll(o.rejects());
            }
            return new Outcome(records, rejects);
        }
        return one(r, "");
    }

    private Outcome one(RawRecord r, String where) {
        try {
            for (Mapping.Exclusion x : r.mapping().exclusions()) {
                if (x.when().entrySet().stream()
                        .allMatch(w -> r.get(w.getKey()) != null
                                && w.getValue().matcher(r.get(w.getKey())).matches())) {
                    return Outcome.rejected(
                            new Reject(r.file(), r.line(), Rule.EXCLUDED, where + x.reason(), r.quarantineRaw()));
                }
            }
            List<? extends SpecificRecord> records = records(r);
            for (SpecificRecord record : records) {
                // what the warehouse cannot hold is this row's reject, before anything reaches the lake
                ranges.check(record);
            }
            return new Outcome(records, List.of());
        } catch (RowRejected e) {
            return Outcome.rejected(
                    new Reject(r.file(), r.line(), e.rule(), where + e.getMessage(), r.quarantineRaw()));
        } catch (ValueRejected e) {
            return Outcome.rejected(new Reject(
                    r.file(),
                    r.line(),
                    Rule.valueOf(e.rule().toUpperCase(java.util.Locale.ROOT)),
                    where + e.getMessage(),
                    r.quarantineRaw()));
        }
    }

    /** Whether this dataset's checks read a wide row whole (FX rates crossed through the row's USD column). */
    protected boolean readsWideRows() {
        return false;
    }

    /** A restart: the records already staged in {@code files} (Parquet) were accepted before the cut. */
    public void resume(List<java.nio.file.Path> files) {
        // most checks look at one row alone: nothing to remember
    }

    /** The canonical records of one raw record; throws {@link RowRejected} at the first broken rule. */
    protected abstract List<? extends SpecificRecord> records(RawRecord r);

    /** The partition source: the mapping's fixed source id, else the value of its source field. */
    protected static String sourceId(RawRecord r, String fallbackField) {
        if (r.mapping().sourceId() != null) {
            return r.mapping().sourceId();
        }
        String field = r.mapping().sourceField() != null ? r.mapping().sourceField() : fallbackField;
        return r.get(field);
    }

    /** Checks that every field is present, in the order given, so the first missing one is reported. */
    protected static void requireAll(Fields f, RawRecord r, String... fields) {
        for (String field : fields) {
            f.required(r, field);
        }
    }
}
