package org.mizan.source;

import java.util.List;
import java.util.Map;

/**
 * One record as read from a source file, before any check: its file, physical line, the raw text, and the
 * cell of each mapped field. A record whose shape is wrong carries {@code malformed} instead of cells.
 */
public record RawRecord(
        String file,
        long line,
        String raw,
        String[] cells,
        FieldLayout layout,
        List<Map.Entry<String, String>> wide,
        String malformed) {

    /** The field's value after trimming, missing tokens, the mapping's value map and constants; null if absent. */
    public String get(String field) {
        return layout.value(field, cells);
    }

    /**
     * The raw text as the quarantine may keep it. For a mapping that holds personal data, only the cells of its
     * mapped fields that are not personal data are kept; every other cell (names, phones, ID numbers, columns the
     * mapping does not know) becomes {@value #MASK}, and a line whose cells cannot be told apart is withheld.
     */
    public String quarantineRaw() {
        if (!mapping().holdsPersonalData()) {
            return raw;
        }
        if (malformed != null || cells.length != layout.width()) {
            return "(withheld: a malformed line of a file with personal data, " + (raw == null ? 0 : raw.length())
                    + " characters; see the source file at this line)";
        }
        StringBuilder out = new StringBuilder();
        char delim = mapping().isJsonLines() || mapping().delimiter() == '\0'
                ? ','
                : mapping().delimiter();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(delim);
            }
            out.append(layout.inClear(i) ? cells[i] : MASK);
        }
        return out.toString();
    }

    /**
     * A wide row as the records it stands for (the mapping's {@code unpivot}): one per wide cell with a value, each
     * with this row's cells plus the column's key and the cell's value under {@code key_field} and {@code value_field}.
     */
    public List<RawRecord> unpivot() {
        FieldLayout u = layout.unpivoted();
        int w = layout.width();
        List<RawRecord> out = new java.util.ArrayList<>(wide.size());
        for (Map.Entry<String, String> cell : wide) {
            String[] c = java.util.Arrays.copyOf(cells, w + 2);
            for (int i = cells.length; i < w; i++) {
                c[i] = "";
            }
            c[w] = cell.getKey();
            c[w + 1] = cell.getValue();
            out.add(new RawRecord(file, line, raw, c, u, List.of(), null));
        }
        return out;
    }

    /** What a cell of personal data is replaced with in the quarantine. */
    public static final String MASK = "***";

    public Mapping mapping() {
        return layout.mapping();
    }
}
