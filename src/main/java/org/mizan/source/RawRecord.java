package org.mizan.source;

import java.util.List;
import java.util.Map;

/**
 * One record as read from a source file, before any check: its file, physical line, the raw text, and the
 * cell of each mapped field. A record whose shape is wrong carries {@code malformed} instead of cells.
 */
public record RawRecord(String file, long line, String raw, String[] cells, FieldLayout layout,
                        List<Map.Entry<String, String>> wide, String malformed) {

    /** The field's value after trimming, missing tokens, the mapping's value map and constants; null if absent. */
    public String get(String field) {
        return layout.value(field, cells);
    }

    public Mapping mapping() {
        return layout.mapping();
    }
}
