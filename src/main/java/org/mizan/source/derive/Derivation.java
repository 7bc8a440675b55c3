package org.mizan.source.derive;

import java.util.List;
import java.util.function.UnaryOperator;

/** One derived field: computed from other fields of the same row (documented in jobs/README.md, "Derived fields"). */
public interface Derivation {

    /**
     * The value, or null when it has none. {@code field} gives another field's value; the field being derived reads
     * its own column when it names itself.
     */
    String apply(UnaryOperator<String> field);

    /** The fields it reads, for the mapping check. */
    List<String> inputs();
}
